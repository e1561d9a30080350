import type { Route } from '../../stores/route';
import { ActingAsProvider } from './acting-as';
import { CommentsHeader } from './comments-header';
import { CommentEditor } from './editor/comment-editor';
import { CommentList } from './list/comment-list';
import { StatsPage } from './stats/stats-page';
import { TemplatesPage } from './templates/templates-page';
import { TradeConcernsPage } from '../trade-concerns/trade-concerns-page';

/** The ?notification=ID of #/comments/new, when it names a record. */
function notificationParam(query: string | undefined): number | null {
  const value = new URLSearchParams(query ?? '').get('notification');
  return value !== null && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

function CommentsBody({ route }: { route: Route }) {
  if (route.id !== null) return <CommentEditor id={route.id} />;
  switch (route.view) {
    case 'stats':
      return <StatsPage />;
    case 'trade-concerns':
      return <TradeConcernsPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'new':
      return <CommentList creating={{ notificationId: notificationParam(route.query) }} />;
    default:
      return <CommentList creating={null} />;
  }
}

/** Comments: the list, a comment's editor, statistics, trade concerns and templates (#/comments/...). */
export function CommentsPage({ route }: { route: Route }) {
  return (
    <ActingAsProvider>
      <div className="page page-wide comments-page">
        <CommentsHeader route={route} />
        <CommentsBody route={route} />
      </div>
    </ActingAsProvider>
  );
}
