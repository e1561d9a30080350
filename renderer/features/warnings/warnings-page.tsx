import { ComingSoon } from '../../components/coming-soon';

export function WarningsPage() {
  return <ComingSoon section="warnings" />;
}
