import { describe, expect, it } from 'vitest';
import { parseCidr, parseIPv4, validateCidr } from './cidr.js';

describe('parseCidr (strict, like Python ip_network)', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['192.168.1.0/24', '192.168.1.0/24'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['1.2.3.4', '1.2.3.4/32'],
    ['10.0.0.0/255.0.0.0', '10.0.0.0/8'],
    ['10.0.0.0/0.255.255.255', '10.0.0.0/8'],
    ['fe80::/10', 'fe80::/10'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['::1', '::1/128'],
    ['::/0', '::/0'],
  ])('%j → %j', (text, canonical) => {
    const r = parseCidr(text);
    expect(r.ok && r.network.text).toBe(canonical);
  });

  it.each([
    ['10.0.0.1/8', /host bits set; the network is `10.0.0.0\/8`/],
    ['fe80::1/10', /host bits set; the network is `fe80::\/10`/],
    ['10.0.0.0/33', /prefix length/],
    ['fe80::/129', /prefix length/],
    ['010.0.0.0/8', /not an IPv4 or IPv6 network/],
    ['10.0.0/8', /not an IPv4 or IPv6 network/],
    ['256.0.0.0/8', /not an IPv4 or IPv6 network/],
    ['example.com', /not an IPv4 or IPv6 network/],
    ['10.0.0.0/255.0.255.0', /netmask/],
  ])('rejects %j', (text, message) => {
    expect(validateCidr(text)?.message).toMatch(message);
  });
});

describe('membership', () => {
  const net = (text: string) => {
    const r = parseCidr(text);
    if (!r.ok) throw new Error(r.error.message);
    return r.network;
  };
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['10.0.0.0/8', '10.1.2', false],
    ['10.0.0.0/8', 'not an ip', false],
    ['192.168.0.0/16', '192.168.255.255', true],
    ['192.168.0.0/16', '192.169.0.0', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['0.0.0.0/0', '::1', false],
    ['1.2.3.4', '1.2.3.4', true],
    ['1.2.3.4', '1.2.3.5', false],
    ['fe80::/10', 'fe80::1', true],
    ['fe80::/10', 'FE80::ABCD%eth0', true],
    ['fe80::/10', 'febf:ffff::1', true],
    ['fe80::/10', 'fec0::1', false],
    ['fe80::/10', '10.0.0.1', false],
    ['2001:db8::/32', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
    ['::/0', '2001:db8::1', true],
  ])('%j contains %j → %j', (network, address, expected) => {
    expect(net(network).contains(address)).toBe(expected);
  });

  it('answers for each address when one list of networks meets alternating addresses (each text parsed once)', () => {
    const networks = ['10.0.0.0/8', 'fe80::/10', '192.168.0.0/16', '2001:db8::/32'].map(net);
    const addresses = ['10.1.2.3', 'fe80::1', '10.1.2.3', '2001:db8::7', '192.168.1.1', 'fe80::1', 'bogus', '8.8.8.8'];
    const inside = (address: string) => networks.map((n) => n.contains(address));
    expect(addresses.map(inside)).toEqual([
      [true, false, false, false],
      [false, true, false, false],
      [true, false, false, false],
      [false, false, false, true],
      [false, false, true, false],
      [false, true, false, false],
      [false, false, false, false],
      [false, false, false, false],
    ]);
  });

  it('parses strict dotted decimal only', () => {
    expect(parseIPv4('1.2.3.4')).toBe(0x01020304);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('01.2.3.4')).toBeUndefined();
    expect(parseIPv4('1.2.3.4.5')).toBeUndefined();
    expect(parseIPv4('1.2.3.')).toBeUndefined();
  });
});
