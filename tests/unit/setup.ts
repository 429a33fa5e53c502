// Real IndexedDB semantics in Node for storage and sync tests (as Excalidraw does).
import 'fake-indexeddb/auto';
