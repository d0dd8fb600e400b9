/**
 * What the door scanner keeps on the device, in IndexedDB (one key-value store): the signed-in device, the chosen
 * list and gate, the offline book, the queue of scans decided offline, and the counters. Survives reloads and
 * being offline.
 */
const DB = 'eventix-scanner';
const STORE = 'kv';

let opened = null;

function open() {
  if (opened === null) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function get(key) {
  return run('readonly', store => store.get(key));
}

export function put(key, value) {
  return run('readwrite', store => store.put(value, key));
}

export function remove(key) {
  return run('readwrite', store => store.delete(key));
}
