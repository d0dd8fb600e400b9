/**
 * The server as the door scanner calls it: a device key exchanged for a short SCANNER token (exchanged again when it
 * expires), and the check-in endpoints. A call that cannot get an answer (no network, a timeout, the server
 * overloaded or down) throws Unreachable: the door then decides on its own.
 */
export class Unreachable extends Error {}

/** An answer of the API's error envelope: its HTTP status, code, message and details. */
export class Refused extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code ?? `HTTP_${status}`;
    this.details = error?.details ?? {};
  }
}

export class Server {
  /** {@code device}: {deviceKey, accessToken, expiresAt, ...}; {@code saved(device)} is told of every new token. */
  constructor(base, device, saved) {
    this.base = base;
    this.device = device;
    this.saved = saved;
  }

  static async exchange(base, deviceKey) {
    const token = await request(base, 'POST', 'checkin/devices/token', { deviceKey }, null, 10000);
    return {
      deviceKey, accessToken: token.accessToken, expiresAt: Date.now() + token.expiresIn * 1000,
      deviceId: token.deviceId, eventId: token.eventId, listIds: token.listIds,
    };
  }

  async token(renew = false) {
    if (renew || Date.now() > this.device.expiresAt - 30000) {
      this.device = await Server.exchange(this.base, this.device.deviceKey);
      await this.saved(this.device);
    }
    return this.device.accessToken;
  }

  async call(method, path, body = null, timeout = 8000) {
    try {
      return await request(this.base, method, path, body, await this.token(), timeout);
    } catch (e) {
      // An expired or rotated signing key: one new token, one more try. A revoked device stays refused.
      if (e instanceof Refused && e.status === 401 && e.code !== 'SCANNER_REVOKED') {
        return request(this.base, method, path, body, await this.token(true), timeout);
      }
      throw e;
    }
  }

  validate(scan) {
    return this.call('POST', 'checkin/validate', scan, 6000);
  }

  bundle(eventId, since) {
    return this.call('GET', `checkin/event/${eventId}/offline-bundle${since ? `?since=${encodeURIComponent(since)}` : ''}`,
      null, 30000);
  }

  sync(eventId, scans) {
    return this.call('POST', `checkin/event/${eventId}/sync`, { scans }, 30000);
  }

  stats(eventId) {
    return this.call('GET', `checkin/event/${eventId}`);
  }

  event(eventId) {
    return this.call('GET', `events/${eventId}`);
  }
}

async function request(base, method, path, body, token, timeout) {
  const headers = { Accept: 'application/json' };
  if (body !== null) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(new URL(path, base), {
      method, headers, body: body === null ? undefined : JSON.stringify(body), cache: 'no-store',
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw new Unreachable(e.message);
  }
  if (response.status === 429 || response.status >= 500) {
    throw new Unreachable(`HTTP ${response.status}`);
  }
  let envelope;
  try {
    envelope = await response.json();
  } catch (e) {
    throw new Unreachable(`HTTP ${response.status}: not the API`);
  }
  if (!response.ok || envelope.success === false) {
    throw new Refused(response.status, envelope.error);
  }
  return envelope.data;
}
