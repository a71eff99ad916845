"""Decrypts a Cosign encrypted key independently of the Java code under test.

Usage: cosign_key_decrypt.py KEY_FILE PASSWORD_HEX PUBLIC_KEY_PEM
scrypt from hashlib (OpenSSL), XSalsa20 written here from the Salsa20 spec, Poly1305 and the
PKCS#8 parser from python3-cryptography. Prints the plaintext length and whether the private key's
public key equals PUBLIC_KEY_PEM byte for byte; exits non-zero on any failure.
"""
import base64, hashlib, json, struct, sys
from cryptography.hazmat.primitives.poly1305 import Poly1305
from cryptography.hazmat.primitives import serialization
M = 0xffffffff
def rotl(v, c): return ((v << c) & M) | (v >> (32 - c))
def core(inp, hsalsa=False):
    x = list(inp)
    def qr(a, b, c, d):
        x[b] ^= rotl((x[a] + x[d]) & M, 7); x[c] ^= rotl((x[b] + x[a]) & M, 9)
        x[d] ^= rotl((x[c] + x[b]) & M, 13); x[a] ^= rotl((x[d] + x[c]) & M, 18)
    for _ in range(10):
        qr(0, 4, 8, 12); qr(5, 9, 13, 1); qr(10, 14, 2, 6); qr(15, 3, 7, 11)
        qr(0, 1, 2, 3); qr(5, 6, 7, 4); qr(10, 11, 8, 9); qr(15, 12, 13, 14)
    if hsalsa: return [x[i] for i in (0, 5, 10, 15, 6, 7, 8, 9)]
    return [(x[i] + inp[i]) & M for i in range(16)]
C = (0x61707865, 0x3320646e, 0x79622d32, 0x6b206574)
def state(key, inp16):
    k = struct.unpack('<8I', key); n = struct.unpack('<4I', inp16)
    return [C[0], *k[:4], C[1], *n, C[2], *k[4:], C[3]]
def xsalsa20_stream(key, nonce, length):
    sub = struct.pack('<8I', *core(state(key, nonce[:16]), hsalsa=True))
    out = b''; ctr = 0
    while len(out) < length:
        out += struct.pack('<16I', *core(state(sub, nonce[16:24] + struct.pack('<Q', ctr)))); ctr += 1
    return out[:length]
def open_box(key, nonce, box):
    stream = xsalsa20_stream(key, nonce, 32 + len(box) - 16)
    Poly1305.verify_tag(stream[:32], box[16:], box[:16])
    return bytes(a ^ b for a, b in zip(box[16:], stream[32:]))
def decrypt(doc, password):
    p = doc['kdf']['params']
    key = hashlib.scrypt(password, salt=base64.b64decode(doc['kdf']['salt']), n=p['N'], r=p['r'], p=p['p'], maxmem=256 << 20, dklen=32)
    return open_box(key, base64.b64decode(doc['cipher']['nonce']), base64.b64decode(doc['ciphertext']))
path, password = sys.argv[1], bytes.fromhex(sys.argv[2])
raw = open(path, 'rb').read()
if raw.startswith(b'-----'):
    raw = base64.b64decode(b''.join(l for l in raw.splitlines() if not l.startswith(b'-----')))
plain = decrypt(json.loads(raw), password)
key = serialization.load_der_private_key(plain, None)
pub = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
print("plaintext %d bytes, public key matches: %s" % (len(plain), pub == open(sys.argv[3], 'rb').read()))
