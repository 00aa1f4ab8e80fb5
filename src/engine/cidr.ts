import ipaddr from 'ipaddr.js';

/**
 * The `cidr` modifier: IPv4 and IPv6 networks parsed the way pySigma does (Python `ip_network`, strict:
 * a network with host bits set is an error), and a membership test on event values.
 *
 * Event values: IPv4 in dotted decimal, IPv6 in any RFC 4291 text form, with an optional zone id
 * (`fe80::1%eth0`, ignored). An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`, common in Windows logon
 * events) is tested as the IPv4 address it carries.
 */

export interface CidrError {
  message: string;
  /** 0-based offset in the value text, when a precise spot is known. */
  offset?: number;
}

export interface CidrNetwork {
  version: 4 | 6;
  prefixLength: number;
  /** Canonical text: `10.0.0.0/8`, `fe80::/10`. */
  text: string;
  /** True when `address` (event text) is an IP address inside this network. */
  contains(address: string): boolean;
}

export type CidrParseResult = { ok: true; network: CidrNetwork } | { ok: false; error: CidrError };

/** Strict dotted decimal (no leading zeros, as Python since 3.9.5) → unsigned 32-bit number. */
export function parseIPv4(text: string): number | undefined {
  let value = 0;
  let octets = 0;
  let i = 0;
  const n = text.length;
  while (octets < 4) {
    const start = i;
    let octet = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      octet = octet * 10 + (c - 48);
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3 || octet > 255 || (len > 1 && text.charCodeAt(start) === 48)) return undefined;
    value = value * 256 + octet;
    octets++;
    if (octets < 4) {
      if (text.charCodeAt(i) !== 46) return undefined;
      i++;
    }
  }
  return i === n ? value : undefined;
}

type ParsedAddress = { version: 4; value: number } | { version: 6; bytes: number[] } | undefined;

/**
 * The last address text parsed and its result: a rule's `cidr` list is tested value by value against the
 * same event text (filters of cloud ranges hold dozens of networks), which is then parsed once.
 */
let lastText: string | undefined;
let lastAddress: ParsedAddress;

function eventAddress(text: string): ParsedAddress {
  if (text !== lastText) {
    lastAddress = parseAddress(text);
    lastText = text;
  }
  return lastAddress;
}

/** IPv6 text (optional zone id) → 16 bytes; IPv4-mapped addresses are returned as IPv4. */
function parseAddress(text: string): ParsedAddress {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  if (text.indexOf(':') < 0) return undefined;
  const zone = text.indexOf('%');
  const bare = zone >= 0 ? text.slice(0, zone) : text;
  if (!ipaddr.IPv6.isValid(bare)) return undefined;
  const addr = ipaddr.IPv6.parse(bare);
  if (addr.isIPv4MappedAddress()) {
    const o = addr.toIPv4Address().octets;
    return { version: 4, value: ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3] };
  }
  return { version: 6, bytes: addr.toByteArray() };
}

function ipv4Text(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function prefixFromIPv4Mask(mask: number): number | undefined {
  // Netmask (255.255.0.0) or host mask (0.0.255.255), as Python accepts.
  for (const candidate of [mask, ~mask >>> 0]) {
    const inverted = ~candidate >>> 0;
    if ((inverted & (inverted + 1)) === 0) {
      let bits = 0;
      for (let v = candidate; v !== 0; v = (v << 1) >>> 0) bits++;
      return bits;
    }
  }
  return undefined;
}

/** Parses a `cidr` value: `10.0.0.0/8`, `fe80::/10`, a bare address (a /32 or /128), or an IPv4 netmask form. */
export function parseCidr(text: string): CidrParseResult {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;

  const v4 = parseIPv4(addressText);
  if (v4 !== undefined) {
    let prefix = 32;
    if (prefixText !== undefined) {
      if (/^\d{1,2}$/.test(prefixText) && Number(prefixText) <= 32) prefix = Number(prefixText);
      else {
        const mask = parseIPv4(prefixText);
        const fromMask = mask === undefined ? undefined : prefixFromIPv4Mask(mask);
        if (fromMask === undefined)
          return { ok: false, error: { message: `\`${prefixText}\` is not a valid IPv4 prefix length or netmask.`, offset: slash + 1 } };
        prefix = fromMask;
      }
    }
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if (((v4 & mask) >>> 0) !== v4)
      return {
        ok: false,
        error: {
          message: `\`${text}\` has host bits set; the network is \`${ipv4Text((v4 & mask) >>> 0)}/${prefix}\`.`,
        },
      };
    const network = v4;
    const canonical = `${ipv4Text(network)}/${prefix}`;
    return {
      ok: true,
      network: {
        version: 4,
        prefixLength: prefix,
        text: canonical,
        contains(address: string): boolean {
          const a = eventAddress(address);
          return a !== undefined && a.version === 4 && ((a.value & mask) >>> 0) === network;
        },
      },
    };
  }

  if (addressText.includes(':') && !addressText.includes('%') && ipaddr.IPv6.isValid(addressText)) {
    let prefix = 128;
    if (prefixText !== undefined) {
      if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > 128)
        return { ok: false, error: { message: `\`${prefixText}\` is not a valid IPv6 prefix length.`, offset: slash + 1 } };
      prefix = Number(prefixText);
    }
    const bytes = ipaddr.IPv6.parse(addressText).toByteArray();
    const maskBytes = bytes.map((_, i) => {
      const bits = Math.max(0, Math.min(8, prefix - i * 8));
      return (0xff00 >> bits) & 0xff;
    });
    if (bytes.some((b, i) => (b & maskBytes[i]) !== b)) {
      const net = ipaddr.IPv6.networkAddressFromCIDR(`${addressText}/${prefix}`).toString();
      return { ok: false, error: { message: `\`${text}\` has host bits set; the network is \`${net}/${prefix}\`.` } };
    }
    const canonical = `${ipaddr.IPv6.parse(addressText).toString()}/${prefix}`;
    return {
      ok: true,
      network: {
        version: 6,
        prefixLength: prefix,
        text: canonical,
        contains(address: string): boolean {
          const a = eventAddress(address);
          if (a === undefined || a.version !== 6) return false;
          for (let i = 0; i < 16; i++) if ((a.bytes[i] & maskBytes[i]) !== bytes[i]) return false;
          return true;
        },
      },
    };
  }

  return { ok: false, error: { message: `\`${text}\` is not an IPv4 or IPv6 network.` } };
}

/** Load-time check of a `cidr` value: undefined when it parses. */
export function validateCidr(text: string): CidrError | undefined {
  const result = parseCidr(text);
  return result.ok ? undefined : result.error;
}
