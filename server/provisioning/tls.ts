// TLS towards a provisioned datasource, read as Grafana reads it
// (pkg/services/datasources/service/datasource.go, dsTLSOptions): jsonData.tlsSkipVerify and
// jsonData.serverName always count; secureJsonData.tlsCACert only with
// jsonData.tlsAuthWithCACert, secureJsonData.tlsClientCert and tlsClientKey only with
// jsonData.tlsAuth. Where Grafana silently drops a switch turned on without its PEM, this says
// so and skips the datasource: a CA or client certificate the operator meant to use and that
// is not used fails later in far less clear words. Errors name the field, never its value.
import type { UpstreamTls } from '../deps.ts';
import type { Fields } from './fields.ts';

const CERT = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;
const KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END (?:[A-Z]+ )?PRIVATE KEY-----/;
// A DNS name or an IP address, as a certificate's subjectAltName carries it.
const SERVER_NAME = /^[A-Za-z0-9*]([A-Za-z0-9.:*-]{0,252})$/;

/** The datasource's TLS settings, or undefined when it has none; notes what has no effect. */
export function readTls(
  json: Fields,
  secure: Fields,
  url: string,
  note: (words: string) => void,
): UpstreamTls | undefined {
  const tls: UpstreamTls = {};
  if (json.bool('tlsSkipVerify')) tls.skipVerify = true;
  const serverName = json.string('serverName')?.trim();
  if (serverName) {
    if (!SERVER_NAME.test(serverName)) {
      throw json.error('serverName', 'must be a host name or IP address');
    }
    tls.serverName = serverName;
  }
  if (json.bool('tlsAuthWithCACert')) {
    const ca = secure.string('tlsCACert') ?? '';
    // Named on the switch: a missing key has no line of its own to point at.
    if (!ca.trim()) throw json.error('tlsAuthWithCACert', 'needs secureJsonData.tlsCACert');
    if (!CERT.test(ca)) throw secure.error('tlsCACert', 'must be a PEM certificate');
    tls.caCert = ca;
  }
  if (json.bool('tlsAuth')) {
    const cert = secure.string('tlsClientCert') ?? '';
    const key = secure.string('tlsClientKey') ?? '';
    if (!cert.trim()) throw json.error('tlsAuth', 'needs secureJsonData.tlsClientCert');
    if (!key.trim()) throw json.error('tlsAuth', 'needs secureJsonData.tlsClientKey');
    if (!CERT.test(cert)) throw secure.error('tlsClientCert', 'must be a PEM certificate');
    if (!KEY.test(key)) throw secure.error('tlsClientKey', 'must be a PEM private key');
    tls.clientCert = cert;
    tls.clientKey = key;
  }
  if (Object.keys(tls).length === 0) return undefined;
  if (!url.startsWith('https:')) {
    note('its TLS settings have no effect: the URL is http://');
    return undefined;
  }
  if (tls.skipVerify && tls.caCert) {
    note('tlsSkipVerify is set, so tlsCACert is not checked against: any certificate is accepted');
  }
  return tls;
}
