/** Types for electron-binary.mjs, so TypeScript tests can check the two sides agree. */
export declare const projectRoot: string;
export declare function findElectronBinary(root?: string): string | null;
export declare function electronVersion(root?: string): string;
export declare function electronNativeModuleDir(root: string, version: string): string;
export declare function electronNativeBinding(root: string, version: string): string;
