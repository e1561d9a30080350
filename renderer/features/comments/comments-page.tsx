import { ComingSoon } from '../../components/coming-soon';

export function CommentsPage() {
  return <ComingSoon section="comments" />;
}
