import { ComingSoon } from '../../components/coming-soon';

export function ReportsPage() {
  return <ComingSoon section="reports" />;
}
