// The call window's preload. It runs sandboxed, so it is bundled to one CommonJS file
// that requires nothing but `electron`.
import { contextBridge, ipcRenderer } from 'electron'
import { createCallTrayApi } from './call-tray-api'

contextBridge.exposeInMainWorld('callTray', createCallTrayApi(ipcRenderer))
