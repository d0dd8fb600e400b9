/**
 * Reading QR codes with the camera: the browser's own BarcodeDetector where it has one that reads QR codes, else the
 * vendored ponyfill (ZXing compiled to WebAssembly, loaded from this server on first use, never from elsewhere).
 * The page works without either: a keyboard-wedge scanner or typing needs no camera.
 */
let made = null;

async function nativeDetector() {
  if (!('BarcodeDetector' in globalThis)) {
    return null;
  }
  try {
    const formats = await globalThis.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code') ? new globalThis.BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error('The QR reader could not be loaded'));
    document.head.append(script);
  });
}

async function vendoredDetector() {
  await loadScript(new URL('vendor/barcode-detector/dist/iife/ponyfill.js', import.meta.url).href);
  const { BarcodeDetector, prepareZXingModule } = globalThis.BarcodeDetectionAPI;
  const wasm = new URL('vendor/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url).href;
  prepareZXingModule({ overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? wasm : prefix + path) } });
  return new BarcodeDetector({ formats: ['qr_code'] });
}

/** A QR detector, made once. */
export function detector() {
  if (made === null) {
    made = nativeDetector().then(found => found ?? vendoredDetector());
    made.catch(() => {
      made = null;
    });
  }
  return made;
}

/** The back camera shown in {@code video}, read a few times a second; each new code goes to {@code onCode}. */
export class Camera {
  constructor(video, onCode) {
    this.video = video;
    this.onCode = onCode;
    this.stream = null;
    this.last = { code: null, at: 0 };
  }

  get running() {
    return this.stream !== null;
  }

  async start() {
    const reader = await detector();
    this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    this.video.srcObject = this.stream;
    await this.video.play();
    const tick = async () => {
      if (!this.running) {
        return;
      }
      try {
        const [found] = await reader.detect(this.video);
        const now = Date.now();
        // The same code in front of the camera is one scan, not one every frame.
        if (found && (found.rawValue !== this.last.code || now - this.last.at > 3000)) {
          this.last = { code: found.rawValue, at: now };
          this.onCode(found.rawValue);
        } else if (found) {
          this.last.at = now;
        }
      } catch {
        // a frame that could not be read
      }
      setTimeout(tick, 150);
    };
    tick();
  }

  stop() {
    this.stream?.getTracks().forEach(track => track.stop());
    this.stream = null;
    this.video.srcObject = null;
  }
}
