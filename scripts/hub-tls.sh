#!/usr/bin/env bash
# A school hub's own certificate authority and HTTPS certificate (docs/deploy.md "HTTPS on a hub").
#
#   bash scripts/hub-tls.sh <domain> <hub host name> [folder]
#   bash scripts/hub-tls.sh school-042.kite.lan hub.school-042.kite.lan /var/lib/kite/tls
#
# Run it ON THE HUB: the keys are made here and never leave this machine. It writes, in the folder
# (default /var/lib/kite/tls, made 0700):
#   ca.key   the authority's private key (0600). Keep it on the hub; it signs the next certificate.
#   ca.crt   the authority's certificate: the one file installed on the school's devices.
#   hub.key  the hub's HTTPS key (0600)          -> KITE_TLS_KEY
#   hub.crt  the hub's HTTPS certificate          -> KITE_TLS_CERT
# The authority may vouch only for names inside <domain> (an X.509 name constraint, marked
# critical) and for no IP address, so a device that installs it trusts it for the hub's names and
# nothing else. Run again with the same folder to renew hub.crt with the same authority (the
# devices keep theirs); delete ca.key to start a new authority (the devices must then install the
# new ca.crt). Needs openssl (Debian: apt-get install openssl).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: bash scripts/hub-tls.sh <domain> <hub host name> [folder]" >&2
  exit 2
fi
domain=$1
host=$2
dir=${3:-/var/lib/kite/tls}
label='[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?'
if ! [[ $domain =~ ^$label(\.$label)+$ ]]; then
  echo "hub-tls: the domain \"$domain\" must be a lower-case DNS name such as school-042.kite.lan" >&2
  exit 2
fi
if ! [[ $host =~ ^$label(\.$label)*$ ]] || [[ $host != *".$domain" ]]; then
  echo "hub-tls: the hub's name \"$host\" must be a lower-case name inside $domain, such as hub.$domain" >&2
  exit 2
fi
command -v openssl >/dev/null || { echo "hub-tls: openssl is not installed" >&2; exit 1; }

umask 077
mkdir -p "$dir"
chmod 700 "$dir"
cd "$dir"

if [ ! -f ca.key ]; then
  # Ten years: the devices install it once.
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -keyout ca.key -out ca.crt -days 3650 -subj "/CN=Kite school hub authority for $domain" \
    -addext 'basicConstraints=critical,CA:TRUE,pathlen:0' \
    -addext 'keyUsage=critical,keyCertSign,cRLSign' \
    -addext "nameConstraints=critical,permitted;DNS:$domain,excluded;IP:0.0.0.0/0.0.0.0,excluded;IP:0:0:0:0:0:0:0:0/0:0:0:0:0:0:0:0" \
    2>/dev/null
  chmod 644 ca.crt
fi

# The hub's certificate: 825 days, for its name only.
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -keyout hub.key -out hub.csr -subj "/CN=$host" 2>/dev/null
extensions=$(mktemp)
trap 'rm -f "$extensions" hub.csr' EXIT
printf '%s\n' \
  'basicConstraints=critical,CA:FALSE' \
  'keyUsage=critical,digitalSignature' \
  'extendedKeyUsage=serverAuth' \
  "subjectAltName=DNS:$host" >"$extensions"
openssl x509 -req -in hub.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
  -extfile "$extensions" -out hub.crt 2>/dev/null
chmod 644 hub.crt

echo "hub-tls: made in $dir"
echo "  KITE_TLS_CERT=$dir/hub.crt"
echo "  KITE_TLS_KEY=$dir/hub.key"
echo "  install on the devices: $dir/ca.crt"
echo "  its fingerprint, to compare on each device before trusting it:"
openssl x509 -in ca.crt -noout -fingerprint -sha256 | sed 's/^/    /'
