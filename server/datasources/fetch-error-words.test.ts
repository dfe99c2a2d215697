// describeFetchError on the errors each runtime really throws (captured from Node 20's fetch
// and node:https, and Deno 2's fetch, against a self-signed server and a plain HTTP port):
// words, never the TLS library's own text.
import { describe, expect, it } from 'vitest';
import { describeFetchError } from './upstream.ts';

const nodeFetch = (code: string, message: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
const denoFetch = (message: string) =>
  new TypeError('fetch failed', {
    cause: new Error(`error sending request for url (https://127.0.0.1:9090/): ${message}`),
  });

describe('describeFetchError', () => {
  it.each([
    [nodeFetch('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'not trusted'],
    [
      nodeFetch('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
      'not trusted',
    ],
    [
      nodeFetch('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
      'not trusted',
    ],
    [nodeFetch('CERT_HAS_EXPIRED', 'certificate has expired'), 'has expired'],
    // Prometheus with client_auth_type RequireAndVerifyClientCert, called without a client
    // certificate (server/datasources/tls.node.test.ts), and rustls' word for the same alert.
    [
      Object.assign(
        new Error(
          '808C493B6E7F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42',
        ),
        { code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' },
      ),
      'asks for a client certificate',
    ],
    [
      denoFetch('client error (Connect): received fatal alert: BadCertificate'),
      'asks for a client certificate',
    ],
    // Deno 2.9 against that Prometheus: TLS 1.3's alert comes after the handshake, so of 200
    // calls 166 heard it, 20 only the connection closing and 14 a broken pipe.
    [
      new TypeError('fetch failed', { cause: new Error('connection closed') }),
      'the server closed the connection',
    ],
    [
      new TypeError('fetch failed', {
        cause: new Error('stream closed because of a broken pipe'),
      }),
      'the server closed the connection',
    ],
    [
      nodeFetch(
        'ERR_TLS_CERT_ALTNAME_INVALID',
        "Hostname/IP does not match certificate's altnames",
      ),
      'another host name',
    ],
    [
      nodeFetch(
        'ERR_SSL_WRONG_VERSION_NUMBER',
        '80CC8689B47F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n',
      ),
      'handshake failed',
    ],
    [
      Object.assign(
        new Error(
          'write EPROTO 80CC8689B47F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n',
        ),
        { code: 'EPROTO' },
      ),
      'handshake failed',
    ],
    [
      denoFetch(
        'client error (Connect): invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))',
      ),
      'not trusted',
    ],
    [denoFetch('client error (Connect): invalid peer certificate: UnknownIssuer'), 'not trusted'],
    [denoFetch('client error (Connect): invalid peer certificate: Expired'), 'has expired'],
    [
      denoFetch('client error (Connect): invalid peer certificate: NotValidForName'),
      'another host name',
    ],
    [
      denoFetch('client error (Connect): received corrupt message of type InvalidContentType'),
      'handshake failed',
    ],
  ])('words a TLS failure (%#)', (err, words) => {
    const said = describeFetchError(err);
    expect(said).toContain(words);
    expect(said).not.toMatch(/SSL routines|openssl|error:[0-9A-F]{8}|peer certificate|https:\/\//);
  });

  it('says anything else in general words, with the code when there is one', () => {
    expect(describeFetchError(nodeFetch('UND_ERR_SOCKET', 'other side closed'))).toBe(
      'the connection failed (UND_ERR_SOCKET)',
    );
    expect(describeFetchError(new Error('something at /usr/lib/x.so:12'))).toBe(
      'the connection failed',
    );
    expect(describeFetchError(nodeFetch('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'))).toBe(
      'connection refused',
    );
  });
});
