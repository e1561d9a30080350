import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.api`: one method per contract channel (built
 * from `channelNames`, nothing else), each resolving to the Result envelope, plus `on` for the
 * contract's events.
 */
export type PingyiBridge = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> } & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Hand a file the user chose to the backend; handlers then take the returned fileRef. */
  stageFile(file: File): Promise<Result<StagedFileInfo>>;
};

export interface StagedFileInfo {
  fileRef: string;
  name: string;
  size: number;
}

/** The HTTP transport's raw-body upload: POST /api/stageFile with the name in this header. */
export const STAGE_FILE_PATH = 'stageFile';
export const FILE_NAME_HEADER = 'x-pingyi-filename';
/** The Electron IPC channel that stages a file by the path the preload read from the File. */
export const IPC_STAGE_FILE = 'staging:addPath';

/** IPC channel names derive from contract names; the prefixes keep them apart from Electron's own. */
export const ipcChannelFor = (channel: Channel): string => `api:${channel}`;
export const ipcEventFor = (event: EventName): string => `event:${event}`;

/** The HTTP transport's header for the per-launch token. */
export const TOKEN_HEADER = 'x-pingyi-token';
