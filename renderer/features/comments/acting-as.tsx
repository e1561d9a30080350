/**
 * The acting-as switch is app-wide now (components/acting-as.tsx, in the header of every screen);
 * the comment screens keep importing it from here.
 */
export { ActingAsPicker, ActingAsProvider, ActorMissing, useActingAs } from '../../components/acting-as';

/**
 * The sessionStorage key under which component tests name who acts in the in-memory backend
 * (renderer/testing). The app keeps its choice in the store, per workstation.
 */
export const ACTING_AS_KEY = 'pingyi.comments.actingAs';
