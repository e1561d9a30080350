import { ComingSoon } from '../../components/coming-soon';

export function EnterprisesPage() {
  return <ComingSoon section="enterprises" />;
}
