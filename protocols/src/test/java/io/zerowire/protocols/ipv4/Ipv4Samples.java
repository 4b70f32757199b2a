package io.zerowire.protocols.ipv4;

import io.zerowire.ip.Ipv4Address;
import io.zerowire.protocols.ip.IpProtocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * IPv4 headers to build: a catalogue with every typed option method in its variants (route
 * pointers at the start, middle and end; the three timestamp flags; both security formats; NOP and
 * EOL placements; raw options tshark knows and does not know), and random headers with random
 * option lists of the shapes the RFCs give, from a seed.
 */
final class Ipv4Samples {
    /** Option types no RFC defines (RFC 4727's experiments among them): kept raw, shown as unknown by tshark. */
    static final int[] UNKNOWN_TYPES = {30, 94, 158, 222, 3, 15};

    private Ipv4Samples() {}

    static Ipv4Address address(String text) {
        return Ipv4Address.parse(text);
    }

    /** Every typed method of {@link Ipv4OptionsBuilder}, in the variants worth telling apart. */
    static List<Consumer<Ipv4OptionsBuilder>> catalogue() {
        Ipv4Address a = address("10.0.0.1");
        Ipv4Address b = address("10.0.0.2");
        Ipv4Address c = address("10.0.0.3");
        Ipv4Address zero = address("0.0.0.0");
        List<Consumer<Ipv4OptionsBuilder>> list = new ArrayList<>();
        list.add(o -> o.routerAlert(0));
        list.add(o -> o.routerAlert(0xBEEF));
        list.add(o -> o.nop().routerAlert(0));
        list.add(o -> o.routerAlert(0).endOfList());
        list.add(o -> o.nop().nop().nop().endOfList());
        list.add(o -> o.endOfList());
        list.add(o -> o.nop());
        list.add(o -> o.recordRoute(9));
        list.add(o -> o.recordRoute(1));
        list.add(o -> o.recordRoute(0));
        list.add(o -> o.nop().recordRoute(3));
        list.add(o -> o.route(Ipv4Options.RECORD_ROUTE, 8, a, zero, zero));
        list.add(o -> o.route(Ipv4Options.RECORD_ROUTE, 16, a, b, c));
        list.add(o -> o.looseSourceRoute(a, b, c));
        list.add(o -> o.looseSourceRoute(c));
        list.add(o -> o.strictSourceRoute(a, b, c));
        list.add(o -> o.route(Ipv4Options.LOOSE_SOURCE_ROUTE, 8, a, b, c));
        list.add(o -> o.route(Ipv4Options.STRICT_SOURCE_ROUTE, 12, a, b, c));
        list.add(o -> o.route(Ipv4Options.LOOSE_SOURCE_ROUTE, 16, a, b, c));
        list.add(o -> o.route(Ipv4Options.STRICT_SOURCE_ROUTE, 4));
        list.add(o -> o.timestamps(9));
        list.add(o -> o.timestamps(1));
        list.add(o -> o.timestamp(9, 2, Ipv4Options.TIMESTAMP_ONLY, 1000, 2000, 0));
        list.add(o -> o.timestamp(13, 15, Ipv4Options.TIMESTAMP_ONLY, 0x8000_0001L, 0xFFFF_FFFFL));
        list.add(o -> o.timestampsWithAddresses(4));
        list.add(o -> o.timestamp(13, 0, Ipv4Options.TIMESTAMP_WITH_ADDRESS, a.bits() & 0xFFFF_FFFFL, 1234, 0, 0));
        list.add(o -> o.timestamp(21, 1, Ipv4Options.TIMESTAMP_WITH_ADDRESS, a.bits() & 0xFFFF_FFFFL, 5, b.bits(), 6));
        list.add(o -> o.timestampsPrespecified(a, b, c));
        list.add(o -> o.timestamp(13, 0, Ipv4Options.TIMESTAMP_PRESPECIFIED, a.bits() & 0xFFFF_FFFFL, 77,
                b.bits() & 0xFFFF_FFFFL, 0));
        list.add(o -> o.security(Ipv4Options.SECURITY_SECRET, 0, ascii("AB"), ascii("XYZ")));
        list.add(o -> o.security(Ipv4Options.SECURITY_UNCLASSIFIED, 0xFFFF, ascii("zz"), ascii("009")).nop());
        list.add(o -> o.security(Ipv4Options.SECURITY_TOP_SECRET, 7, ascii("H1"), ascii("TCC")).routerAlert(0));
        list.add(o -> o.basicSecurity(0x5A, (byte) 0x81, (byte) 0x20));
        list.add(o -> o.basicSecurity(0x3D, (byte) 0x02));
        list.add(o -> o.basicSecurity(0xAB, (byte) 0x01, (byte) 0x01, (byte) 0x80));
        list.add(o -> o.streamId(0x1234));
        list.add(o -> o.streamId(0).endOfList());
        list.add(o -> o.raw(25, new byte[] {1, 2, 3, 4, 5, 6}));           // Quick-Start, as tshark knows it
        list.add(o -> o.raw(11, new byte[] {0x05, (byte) 0xDC}));          // MTU probe
        list.add(o -> o.raw(82, new byte[] {0, 1, 0, 2, 0, 3, 10, 0, 0, 9})); // traceroute
        for (int type : UNKNOWN_TYPES) {
            list.add(o -> o.raw(type, new byte[] {(byte) type, 1}).nop());
        }
        list.add(o -> o.raw(200, new byte[0]).endOfList());
        list.add(o -> o.routerAlert(0).nop().recordRoute(2).timestamps(2).endOfList());
        list.add(o -> o.strictSourceRoute(a, b).timestampsWithAddresses(2));
        list.add(o -> o.nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop()
                .nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop().nop()
                .nop().nop().nop().nop().nop().nop().nop().endOfList());
        return list;
    }

    /** Options of other shapes than their RFC's, still well-formed type-length-value: tshark warns and may stop. */
    static List<Consumer<Ipv4OptionsBuilder>> oddShapes() {
        List<Consumer<Ipv4OptionsBuilder>> list = new ArrayList<>();
        list.add(o -> o.raw(Ipv4Options.ROUTER_ALERT, new byte[] {0}).nop());
        list.add(o -> o.raw(Ipv4Options.RECORD_ROUTE, new byte[] {1}).nop());
        list.add(o -> o.route(Ipv4Options.LOOSE_SOURCE_ROUTE, 5, address("10.0.0.1")));
        list.add(o -> o.timestamp(5, 0, 2, 1, 2));
        list.add(o -> o.timestamp(6, 0, Ipv4Options.TIMESTAMP_ONLY, 1, 2));
        list.add(o -> o.raw(Ipv4Options.TIMESTAMP, new byte[] {5, 1, 0, 0, 0, 0}));
        list.add(o -> o.raw(Ipv4Options.LOOSE_SOURCE_ROUTE, new byte[] {4, 10, 0, 0, 1, 10, 0}).nop());
        return list;
    }

    /** A 16- or 24-bit number made of ASCII characters, as RFC 791's handling restrictions and TCC are. */
    static int ascii(String text) {
        int value = 0;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }

    /** Adds random options of their RFC shapes while they fit, sometimes ending with EOL. */
    static Ipv4OptionsBuilder randomOptions(Random r) {
        Ipv4OptionsBuilder o = new Ipv4OptionsBuilder();
        int wanted = r.nextInt(6);
        for (int i = 0; i < wanted; i++) {
            int room = Ipv4OptionsBuilder.MAX_LENGTH - o.encodedLength();
            if (room <= 0) {
                break;
            }
            addRandom(o, r, room);
        }
        if (r.nextInt(4) == 0 && o.encodedLength() < Ipv4OptionsBuilder.MAX_LENGTH) {
            o.endOfList();
        }
        return o;
    }

    private static void addRandom(Ipv4OptionsBuilder o, Random r, int room) {
        switch (r.nextInt(12)) {
            case 0 -> o.nop();
            case 1 -> {
                if (room >= 4) {
                    o.routerAlert(r.nextInt(4) == 0 ? r.nextInt(0x10000) : 0);
                }
            }
            case 2 -> {
                if (room >= 4) {
                    o.streamId(r.nextInt(0x10000));
                }
            }
            case 3, 4 -> {
                int slots = r.nextInt(Math.max(1, Math.min(10, (room - 3) / 4 + 1)));
                if (3 + 4 * slots <= room) {
                    int[] types = {Ipv4Options.RECORD_ROUTE, Ipv4Options.LOOSE_SOURCE_ROUTE, Ipv4Options.STRICT_SOURCE_ROUTE};
                    Ipv4Address[] addresses = new Ipv4Address[slots];
                    for (int i = 0; i < slots; i++) {
                        addresses[i] = Ipv4Address.of(r.nextInt());
                    }
                    int pointer = 4 + 4 * r.nextInt(slots + 1); // first slot .. one past the last
                    o.route(types[r.nextInt(3)], pointer, addresses);
                }
            }
            case 5, 6 -> {
                int[] flags = {Ipv4Options.TIMESTAMP_ONLY, Ipv4Options.TIMESTAMP_WITH_ADDRESS, Ipv4Options.TIMESTAMP_PRESPECIFIED};
                int flag = flags[r.nextInt(3)];
                int entry = flag == Ipv4Options.TIMESTAMP_ONLY ? 1 : 2;
                int slots = r.nextInt(Math.max(1, Math.min(10, (room - 4) / (4 * entry) + 1)));
                if (4 + 4 * entry * slots <= room) {
                    long[] words = new long[entry * slots];
                    for (int i = 0; i < words.length; i++) {
                        words[i] = r.nextInt() & 0xFFFF_FFFFL;
                    }
                    int pointer = 5 + 4 * entry * r.nextInt(slots + 1);
                    o.timestamp(pointer, r.nextInt(16), flag, words);
                }
            }
            case 7 -> {
                if (room >= 11) {
                    int[] levels = {Ipv4Options.SECURITY_UNCLASSIFIED, Ipv4Options.SECURITY_CONFIDENTIAL,
                        Ipv4Options.SECURITY_EFTO, Ipv4Options.SECURITY_MMMM, Ipv4Options.SECURITY_PROG,
                        Ipv4Options.SECURITY_RESTRICTED, Ipv4Options.SECURITY_SECRET, Ipv4Options.SECURITY_TOP_SECRET};
                    o.security(levels[r.nextInt(levels.length)], r.nextInt(0x10000),
                            ascii(letters(r, 2)), ascii(letters(r, 3)));
                }
            }
            case 8 -> {
                int n = 1 + r.nextInt(3);
                if (3 + n <= room) {
                    byte[] flags = new byte[n];
                    for (int i = 0; i < n; i++) {
                        flags[i] = (byte) (r.nextInt(256) & 0xFE | (i < n - 1 ? 1 : 0));
                    }
                    o.basicSecurity(r.nextInt(256), flags);
                }
            }
            case 9 -> {
                if (room >= 3) {
                    o.recordRoute(r.nextInt(Math.min(9, (room - 3) / 4) + 1));
                }
            }
            case 10 -> {
                if (room >= 2) {
                    byte[] value = new byte[r.nextInt(Math.min(room - 2, 7) + 1)];
                    r.nextBytes(value);
                    o.raw(UNKNOWN_TYPES[r.nextInt(UNKNOWN_TYPES.length)], value);
                }
            }
            default -> {
                if (room >= 8) {
                    o.timestamps(Math.min(9, (room - 4) / 4));
                }
            }
        }
    }

    private static String letters(Random r, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append((char) ('A' + r.nextInt(26)));
        }
        return text.toString();
    }

    /** A header with random fields and {@code options}; not a fragment when {@code whole}. */
    static Ipv4Builder randomHeader(Random r, Ipv4OptionsBuilder options, boolean whole) {
        Ipv4Builder b = new Ipv4Builder().dscp(r.nextInt(64)).ecn(r.nextInt(4)).identification(r.nextInt(0x10000))
                .dontFragment(r.nextBoolean()).ttl(r.nextInt(256)).protocol(IpProtocol.of(253 + r.nextInt(2)))
                .source(Ipv4Address.of(r.nextInt())).destination(Ipv4Address.of(r.nextInt()))
                .options(options.optionsBuilder());
        if (!whole && r.nextInt(4) == 0) {
            b.moreFragments(r.nextBoolean()).fragmentOffset(r.nextInt(0x2000));
        }
        if (r.nextInt(8) == 0) {
            b.reservedFlag(true);
        }
        return b;
    }
}
