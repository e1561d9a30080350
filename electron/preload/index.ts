import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './create-bridge';

// Sandboxed and context-isolated: this script may require only 'electron', and the page sees
// nothing of it but the frozen api object.
contextBridge.exposeInMainWorld(
  'api',
  createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
