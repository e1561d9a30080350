import type {
  Channel,
  ChannelOutput,
  ChannelParsedInput,
  Warning,
  WarningHistoryEntry,
  WarningLetter,
  WarningLevelCounts,
  WarningListItem,
} from '../../shared/contract';
import { daysLeft } from '../../shared/domain/deadline';
import { ApiError } from '../../shared/result';
import type { FakeBackend } from './fake-backend';
import { fakeWarnings } from './fake-warning-data';

export { FAKE_ENTERPRISES, FAKE_WARNING_UIDS, addDays } from './fake-warning-data';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

/** The warnings side of the in-memory backend; reach it in a test with warningsOf(backend). */
export interface FakeWarnings {
  warnings: Warning[];
  letters: WarningLetter[];
  /** Put the fixed example warnings in (the fake starts with none, as a new store does). */
  seed(): void;
  /** A pass raised these warnings: emits warningsRaised as the engine's job does. */
  raise(uids: string[]): void;
}

const states = new WeakMap<object, FakeWarnings>();

export function warningsOf(backend: FakeBackend): FakeWarnings {
  const state = states.get(backend);
  if (!state) throw new Error('this fake backend has no warning state');
  return state;
}

function validation(path: string, message: string): ApiError {
  return new ApiError({ code: 'VALIDATION', message: `${path}: ${message}`, details: { fields: [{ path, message }] } });
}

function listItem(warning: Warning): WarningListItem {
  const { factors: _f, matches: _m, override: _o, history: _h, letters: _l, ...item } = warning;
  return item;
}

const LEVEL_ORDER = ['red', 'orange', 'yellow', 'blue'] as const;

/**
 * Warning and letter channels over plain objects, with the rules screens depend on: the state
 * moves the real workflow allows, a reason for every override and closing, the acting analyst
 * on every write, and dataChanged as WRITE_CHANGES lists it.
 */
export function fakeWarningHandlers(
  backend: Pick<FakeBackend, 'emit' | 'now'>,
  actingAs: () => { name: string; uid: string },
  analysts: () => Array<{ uid: string; name: string; active: boolean }>,
): Handlers {
  const state: FakeWarnings = {
    warnings: [],
    letters: [],
    seed() {
      state.warnings = fakeWarnings(backend.now);
    },
    raise(uids) {
      const raised = state.warnings.filter((x) => uids.includes(x.uid));
      backend.emit('warningsRaised', {
        red: raised.filter((x) => x.level === 'red').length,
        orange: raised.filter((x) => x.level === 'orange').length,
        warningUids: uids,
      });
    },
  };
  states.set(backend, state);
  let letterCount = 0;
  const today = (): string => backend.now.slice(0, 10);

  const find = (uid: string): Warning => {
    const found = state.warnings.find((x) => x.uid === uid);
    if (!found) throw new ApiError({ code: 'NOT_FOUND', message: `warning ${uid} not found` });
    return found;
  };
  const changed = (): void => backend.emit('dataChanged', { entity: 'warnings' });
  const note = (x: Warning, entry: Omit<WarningHistoryEntry, 'at' | 'by'>): void => {
    x.history.push({ at: backend.now, by: actingAs().name, ...entry });
  };
  const withLetters = (x: Warning): Warning => ({ ...x, letters: state.letters.filter((l) => l.warningUids.includes(x.uid)) });

  const makeLetter = (enterpriseUid: string, warningUids: string[] | undefined, format: 'docx' | 'pdf', inline: boolean): ChannelOutput<'warningLettersMake'> => {
    const own = state.warnings.filter((x) => x.target.kind === 'enterprise' && x.target.enterpriseUid === enterpriseUid);
    if (own.length === 0) throw new ApiError({ code: 'NOT_FOUND', message: `enterprise ${enterpriseUid} has no warnings` });
    const covered = warningUids ? own.filter((x) => warningUids.includes(x.uid)) : own.filter((x) => x.state !== 'closed' && x.level !== 'blue');
    if (covered.length === 0) throw new ApiError({ code: 'CONFLICT', message: 'no open red, orange or yellow warnings to write about' });
    const target = covered[0]!.target;
    const name = target.kind === 'enterprise' ? target.name : '';
    letterCount += 1;
    const fileName = `预警函-${name}-${today()}-${letterCount}.${format}`;
    const letter: WarningLetter = {
      uid: `019a9f3c-3c00-7000-8000-${String(letterCount).padStart(12, '0')}`,
      enterpriseUid,
      enterpriseName: name,
      warningUids: covered.map((x) => x.uid),
      symbols: [...new Set(covered.flatMap((x) => x.measure.symbols))],
      format,
      fileName,
      createdAt: backend.now,
      createdBy: actingAs().name,
      delivery: null,
      acknowledgement: null,
    };
    state.letters.push(letter);
    for (const x of covered) note(x, { kind: 'letter', score: null, level: null, state: null, note: fileName });
    // A zip's first bytes, as a Word file starts: enough for the screen to hand it on.
    const bytes = format === 'docx' ? 'PK\u0003\u0004' : '%PDF-1.7';
    const mediaType = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf';
    return { letter, file: { path: `/tmp/pingyi-fake/exports/${fileName}`, fileName, bytes: bytes.length, mediaType, base64: inline ? btoa(bytes) : null } };
  };

  const findLetter = (uid: string): WarningLetter => {
    const found = state.letters.find((l) => l.uid === uid);
    if (!found) throw new ApiError({ code: 'NOT_FOUND', message: `letter ${uid} not found` });
    return found;
  };

  return {
    warningsList: (input) => {
      const matching = state.warnings.filter(
        (x) =>
          (input.states === undefined || input.states.includes(x.state)) &&
          (input.target === undefined || x.target.kind === input.target) &&
          (input.enterpriseUid === undefined || (x.target.kind === 'enterprise' && x.target.enterpriseUid === input.enterpriseUid)) &&
          (input.member === undefined || x.measure.members.includes(input.member)) &&
          (input.industry === undefined || (x.target.kind === 'industry' ? x.target.industryCode === input.industry : x.factors.some((f) => f.key === 'focusIndustry' && f.params.industry === input.industry))) &&
          (input.deadlineWithinDays === undefined || ((left) => left !== null && left >= 0 && left <= input.deadlineWithinDays!)(daysLeft(x.nextDeadline, today()))) &&
          (input.notificationId === undefined || x.measure.notificationId === input.notificationId) &&
          (input.match === undefined || input.match.includes(x.match)),
      );
      // The level counts ignore the level filter, so each toggle shows what it would add.
      const levels: WarningLevelCounts = { red: 0, orange: 0, yellow: 0, blue: 0 };
      for (const x of matching) levels[x.level] += 1;
      const shown = matching.filter((x) => input.levels === undefined || input.levels.includes(x.level));
      const sorted = [...shown].sort((a, b) => {
        if (input.sort === 'deadline') return (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999');
        if (input.sort === 'created') return b.createdAt.localeCompare(a.createdAt);
        return b.score - a.score || LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level);
      });
      return { items: sorted.slice(input.offset, input.offset + input.limit).map(listItem), total: shown.length, levels };
    },
    warningsGet: ({ uid }) => withLetters(find(uid)),
    warningsOverride: ({ uid, level, reason }) => {
      const x = find(uid);
      if (reason.trim() === '') throw validation('reason', 'give a reason for the override');
      const by = actingAs();
      x.override = level === null ? null : { level, reason, by: by.name, byId: by.uid, at: backend.now };
      x.level = level ?? x.computedLevel;
      x.overridden = level !== null;
      note(x, { kind: 'override', score: null, level: x.level, state: null, note: reason });
      changed();
      return withLetters(x);
    },
    warningsTransition: ({ uid, state: to, closeReason, note: text }) => {
      const x = find(uid);
      const from = x.state;
      const allowed =
        (from === 'new' && (to === 'acknowledged' || to === 'closed')) ||
        (from === 'acknowledged' && to === 'closed') ||
        (from === 'planned' && to === 'closed') ||
        (from === 'closed' && to === 'acknowledged');
      if (!allowed) throw new ApiError({ code: 'CONFLICT', message: `a ${from} warning cannot move to ${to}` });
      if (to === 'closed' && closeReason === undefined) throw validation('closeReason', 'closing needs a reason');
      x.state = to;
      x.closeReason = to === 'closed' ? (closeReason ?? null) : null;
      note(x, { kind: 'state', score: null, level: null, state: to, note: text });
      changed();
      return withLetters(x);
    },
    warningsPlanResponse: ({ uid, kind, ownerUid, dueDate, note: text }) => {
      const x = find(uid);
      if (x.state === 'closed') throw new ApiError({ code: 'CONFLICT', message: 'a closed warning takes no plan; reopen it first' });
      const owner = analysts().find((a) => a.uid === ownerUid && a.active);
      if (!owner) throw validation('ownerUid', 'not an active analyst');
      x.response = { kind, ownerUid, ownerName: owner.name, dueDate, note: text };
      x.state = 'planned';
      note(x, { kind: 'response', score: null, level: null, state: 'planned', note: text });
      changed();
      return withLetters(x);
    },
    warningsForNotification: ({ notificationId }) =>
      state.warnings.filter((x) => x.measure.notificationId === notificationId).sort((a, b) => b.score - a.score).map(listItem),
    warningAlerts: ({ since }) => {
      const from = since ?? new Date(Date.parse(backend.now) - 86_400_000).toISOString();
      const open = state.warnings.filter((x) => x.state !== 'closed');
      return {
        raised: open.filter((x) => (x.level === 'red' || x.level === 'orange') && x.createdAt >= from).map(listItem),
        dueSoon: open.filter((x) => ((left) => left !== null && left >= 0 && left <= 7)(daysLeft(x.nextDeadline, today()))).map(listItem),
      };
    },
    warningLettersMake: ({ enterpriseUid, warningUids, format, inline }) => {
      const made = makeLetter(enterpriseUid, warningUids, format, inline);
      changed();
      return made;
    },
    warningLettersBatch: ({ notificationId, format, inline }) => {
      const high = state.warnings.filter((x) => x.measure.notificationId === notificationId && x.target.kind === 'enterprise' && (x.level === 'red' || x.level === 'orange') && x.state !== 'closed');
      const enterprises = [...new Set(high.map((x) => (x.target.kind === 'enterprise' ? x.target.enterpriseUid : '')))];
      const made = enterprises.map((e) => makeLetter(e, high.filter((x) => x.target.kind === 'enterprise' && x.target.enterpriseUid === e).map((x) => x.uid), format, inline));
      if (made.length > 0) changed();
      return made;
    },
    warningLettersList: ({ enterpriseUid, warningUid }) =>
      state.letters.filter((l) => (enterpriseUid === undefined || l.enterpriseUid === enterpriseUid) && (warningUid === undefined || l.warningUids.includes(warningUid))),
    warningLettersRecordDelivery: ({ uid, date, channel, note: text }) => {
      const letter = findLetter(uid);
      letter.delivery = { date, channel, note: text, by: actingAs().name };
      changed();
      return letter;
    },
    warningLettersRecordAcknowledgement: ({ uid, date, note: text }) => {
      const letter = findLetter(uid);
      if (letter.delivery === null) throw new ApiError({ code: 'CONFLICT', message: 'record the delivery before the acknowledgement' });
      letter.acknowledgement = { date, note: text, by: actingAs().name };
      changed();
      return letter;
    },
  };
}
