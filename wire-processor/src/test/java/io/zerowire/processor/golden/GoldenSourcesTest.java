package io.zerowire.processor.golden;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.zerowire.processor.LayoutProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests: the processor's generated view and builder sources for two representative
 * layouts must match, character for character, the files under {@code src/test/resources/golden/}.
 * An exact comparison (rather than {@code hasSourceEquivalentTo}, which compares syntax trees) makes
 * formatting, Javadoc and import changes show up as well.
 *
 * <p><b>Updating the golden files.</b> When the generator changes on purpose, rewrite them with
 *
 * <pre>
 * mvn test -pl wire-processor -Dtest=GoldenSourcesTest -Dzerowire.golden.update=true
 * </pre>
 *
 * <p>In update mode ({@code zerowire.golden.update=true}) every test writes the generated source to
 * {@code src/test/resources/golden/<layout>/<SimpleName>.java.txt} (relative to the module
 * directory, which surefire passes as {@code basedir}) instead of comparing, and passes. Review the
 * diff before committing it: the golden files are the reviewed form of the generated code.
 * The files end in {@code .java.txt} so that no tool mistakes them for sources to compile or format.
 */
class GoldenSourcesTest {
    private static final String UPDATE_PROPERTY = "zerowire.golden.update";

    /** An IPv4-like header: bit fields, a constant, header and total lengths, reserved bit, open enum, header checksum, options. */
    static final JavaFileObject IPV4_LAYOUT = JavaFileObjects.forSourceString("golden.ipv4.Ipv4HeaderLayout", """
            package golden.ipv4;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Checksum;
            import io.zerowire.annotations.Const;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.HeaderLength;
            import io.zerowire.annotations.Options;
            import io.zerowire.annotations.Reserved;
            import io.zerowire.annotations.TotalLength;
            import io.zerowire.ip.Ipv4Address;
            import io.zerowire.options.OptionsIterator;

            /** An IPv4 header (RFC 791). */
            @Header(layer = "ipv4")
            public interface Ipv4HeaderLayout {
                @Bits(4) @Const(4) int version();

                @Bits(4) @HeaderLength(unit = 4) int ihl();

                @Bits(6) int dscp();

                @Bits(2) int ecn();

                @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();

                @Bits(16) int identification();

                @Reserved boolean reservedFlag();

                boolean dontFragment();

                boolean moreFragments();

                @Bits(13) int fragmentOffset();

                @Bits(8) int ttl();

                @Bits(8) IpProtocol protocol();

                @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER) int headerChecksum();

                Ipv4Address source();

                Ipv4Address destination();

                @Options(Ipv4OptionLayout.class) OptionsIterator options();
            }
            """);

    /** The option format of the IPv4 layout (RFC 791). */
    static final JavaFileObject IPV4_OPTIONS = JavaFileObjects.forSourceString("golden.ipv4.Ipv4OptionLayout", """
            package golden.ipv4;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.OptionHeader;
            import io.zerowire.annotations.OptionKind;
            import io.zerowire.annotations.OptionLength;

            /** IPv4 options: EOL 0 and NOP 1 are one byte, the length counts the whole option. */
            @OptionHeader(name = "ipv4", singleByteKinds = {0, 1}, endOfList = 0,
                    padding = OptionHeader.Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)
            public interface Ipv4OptionLayout {
                @Bits(8) @OptionKind int kind();

                @Bits(8) @OptionLength(unit = 1, counts = OptionLength.Counts.WHOLE_OPTION) int length();
            }
            """);

    /** GENEVE's option format (RFC 8926 3.5): a 24-bit kind of two fields, reserved bits, a 5-bit length in words. */
    static final JavaFileObject GENEVE_OPTIONS = JavaFileObjects.forSourceString("golden.options.GeneveOptionLayout", """
            package golden.options;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.OptionHeader;
            import io.zerowire.annotations.OptionKind;
            import io.zerowire.annotations.OptionLength;

            /** A GENEVE option's header: class and type, then the length of the value in 4-byte words. */
            @OptionHeader(name = "geneve", regionAlignment = 4, maxOptions = 32)
            public interface GeneveOptionLayout {
                @Bits(16) @OptionKind int optionClass();

                @Bits(8) @OptionKind int type();

                @Bits(3) int reserved();

                @Bits(5) @OptionLength(unit = 4, counts = OptionLength.Counts.VALUE) int length();
            }
            """);

    /** The open enum of the IPv4 layout's protocol field. */
    static final JavaFileObject IP_PROTOCOL = JavaFileObjects.forSourceString("golden.ipv4.IpProtocol", """
            package golden.ipv4;

            /** IP protocol numbers: the known ones by name, unknown ones kept. */
            public final class IpProtocol {
                public static final IpProtocol TCP = new IpProtocol(6);
                public static final IpProtocol UDP = new IpProtocol(17);

                private final int value;

                private IpProtocol(int value) {
                    this.value = value;
                }

                public static IpProtocol of(int value) {
                    return value == 6 ? TCP : value == 17 ? UDP : new IpProtocol(value);
                }

                public int value() {
                    return value;
                }
            }
            """);

    /** A value set: hexadecimal numbers, documented and undocumented constants, a helper default method. */
    static final JavaFileObject ETHER_TYPES = JavaFileObjects.forSourceString("golden.valueset.EtherTypes", """
            package golden.valueset;

            import io.zerowire.annotations.ValueSet;

            /** The type field of an Ethernet II header or of a VLAN tag. */
            @ValueSet(bits = 16, hex = true)
            public interface EtherTypes {
                /** IPv4 (0x0800). */
                int IPV4 = 0x0800;
                int ARP = 0x0806;
                /** An 802.1Q customer VLAN tag follows (0x8100). */
                int VLAN = 0x8100;
                int IPV6 = 0x86DD;

                int value();

                /** Whether a VLAN tag follows. */
                default boolean isTag() {
                    return value() == VLAN;
                }
            }
            """);

    /** A UDP header, generic over the IP version, with a pseudo-header checksum. */
    static final JavaFileObject UDP_LAYOUT = JavaFileObjects.forSourceString("golden.udp.UdpHeaderLayout", """
            package golden.udp;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Checksum;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.TotalLength;
            import io.zerowire.ip.IpAddress;

            /** A UDP header (RFC 768), over IPv4 or IPv6. */
            @Header(layer = "udp")
            public interface UdpHeaderLayout<A extends IpAddress<?>> {
                @Bits(16) int sourcePort();

                @Bits(16) int destinationPort();

                @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();

                @Bits(16)
                @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17,
                        zeroMeansNoneOverIpv4 = true, transmitZeroAsAllOnes = true)
                int checksum();
            }
            """);

    /** UDP-Lite (RFC 3828): a checksum whose coverage a field gives, generic over the IP version. */
    static final JavaFileObject UDPLITE_LAYOUT = JavaFileObjects.forSourceString("golden.udplite.UdpLiteHeaderLayout", """
            package golden.udplite;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Checksum;
            import io.zerowire.annotations.Header;
            import io.zerowire.ip.IpAddress;

            /** A UDP-Lite header (RFC 3828). */
            @Header(layer = "udplite")
            public interface UdpLiteHeaderLayout<A extends IpAddress<?>> {
                @Bits(16) int sourcePort();

                @Bits(16) int destinationPort();

                @Bits(16) int checksumCoverage();

                @Bits(16)
                @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 136,
                        transmitZeroAsAllOnes = true, coverage = "checksumCoverage")
                int checksum();
            }
            """);

    /** GRE (RFC 2784, 2890): flags that gate optional fields. */
    static final JavaFileObject GRE_LAYOUT = JavaFileObjects.forSourceString("golden.gre.GreHeaderLayout", """
            package golden.gre;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Checksum;
            import io.zerowire.annotations.Const;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.PresentIf;
            import io.zerowire.annotations.Reserved;

            /** A GRE header with the checksum, key and sequence number words of RFC 2784 and 2890. */
            @Header(layer = "gre")
            public interface GreHeaderLayout {
                boolean checksumPresent();

                @Reserved boolean routingPresent();

                boolean keyPresent();

                boolean sequencePresent();

                @Bits(9) @Reserved int reserved0();

                @Bits(3) @Const(0) int version();

                @Bits(16) int protocolType();

                @PresentIf("checksumPresent") @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY)
                int checksum();

                @PresentIf("checksumPresent") @Bits(16) int reserved1();

                @PresentIf("keyPresent") @Bits(32) long key();

                @PresentIf("sequencePresent") @Bits(32) long sequenceNumber();

                default boolean keyed() {
                    return keyPresent();
                }
            }
            """);

    static final JavaFileObject RECORD_LAYOUT = JavaFileObjects.forSourceString("golden.parseorder.RecordHeaderLayout", """
            package golden.parseorder;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Endian;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.TotalLength;

            /** A pcap record header, in the byte order the file header gives. */
            @Header(layer = "pcap.record", order = Endian.AT_PARSE)
            public interface RecordHeaderLayout {
                @Bits(32) long timestampSeconds();

                @Bits(32) long timestampFraction();

                @Bits(32) @TotalLength(includesHeader = false, unit = 1) long includedLength();

                @Bits(32) long originalLength();
            }
            """);

    static final JavaFileObject SECTION_LAYOUT = JavaFileObjects.forSourceString("golden.parseorder.SectionStartLayout", """
            package golden.parseorder;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.ByteOrderMark;
            import io.zerowire.annotations.Const;
            import io.zerowire.annotations.Endian;
            import io.zerowire.annotations.Header;

            /** The start of a pcapng section header block, whose byte-order magic gives the section's order. */
            @Header(layer = "pcapng.shb", order = Endian.AT_PARSE)
            public interface SectionStartLayout {
                @Bits(32) @Const(0x0A0D0D0AL) long blockType();

                @Bits(32) long blockTotalLength();

                @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long byteOrderMagic();
            }
            """);

    /** Repeated groups: IGMPv3 query sources counted by a field under the checksum (RFC 3376 4.1). */
    static final JavaFileObject IGMP_QUERY_LAYOUT = JavaFileObjects.forSourceString("golden.repeated.IgmpQueryLayout", """
            package golden.repeated;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Checksum;
            import io.zerowire.annotations.Const;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.Repeated;
            import io.zerowire.annotations.Reserved;
            import io.zerowire.ip.Ipv4Address;
            import java.util.List;

            /** An IGMPv3 membership query. */
            @Header(layer = "igmpQuery")
            public interface IgmpQueryLayout {
                @Bits(8) @Const(0x11) int type();

                @Bits(8) int maxResponseCode();

                @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER) int checksum();

                Ipv4Address groupAddress();

                @Bits(4) @Reserved int reserved();

                boolean suppressRouterProcessing();

                @Bits(3) int querierRobustness();

                @Bits(8) int querierQueryInterval();

                @Bits(16) int numberOfSources();

                @Repeated(count = "numberOfSources", max = 366) List<Ipv4Address> sources();
            }
            """);

    /** Repeated groups: an MPLS label stack, entries (a nested layout) until the S bit (RFC 3032). */
    static final JavaFileObject MPLS_LAYOUTS = JavaFileObjects.forSourceString("golden.repeated.MplsStackLayout", """
            package golden.repeated;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.Repeated;
            import java.util.List;

            /** An MPLS label stack. */
            @Header(layer = "mplsStack")
            public interface MplsStackLayout {
                @Repeated(until = "bottomOfStack", max = 16) List<MplsEntryLayout> labels();

                /** One label stack entry. */
                @Header(layer = "mpls", name = "MplsEntry")
                interface MplsEntryLayout {
                    @Bits(20) int label();

                    @Bits(3) int trafficClass();

                    boolean bottomOfStack();

                    @Bits(8) int ttl();
                }
            }
            """);

    /** ICMP (RFC 792): variants chosen by the type field, under a checksum over header, variant and body. */
    static final JavaFileObject ICMP_LAYOUT = JavaFileObjects.forSourceString("golden.icmp.IcmpMessageLayout", """
            package golden.icmp;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Checksum;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.Variant;
            import io.zerowire.annotations.Variants;

            /** An ICMP message: type, code and checksum, then the variant its type selects. */
            @Header(layer = "icmp")
            public interface IcmpMessageLayout {
                @Bits(8) @Variants({
                    @Variant(name = "echoReply", value = 0, layout = IcmpEchoLayout.class),
                    @Variant(name = "echoRequest", value = 8, layout = IcmpEchoLayout.class),
                    @Variant(name = "error", value = {3, 11}, layout = IcmpErrorLayout.class)})
                int type();

                @Bits(8) int code();

                @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY) int checksum();
            }
            """);

    static final JavaFileObject ICMP_ECHO = JavaFileObjects.forSourceString("golden.icmp.IcmpEchoLayout", """
            package golden.icmp;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Header;

            /** ICMP echo request and reply. */
            @Header(layer = "icmp echo")
            public interface IcmpEchoLayout {
                @Bits(16) int identifier();

                @Bits(16) int sequenceNumber();
            }
            """);

    static final JavaFileObject ICMP_ERROR = JavaFileObjects.forSourceString("golden.icmp.IcmpErrorLayout", """
            package golden.icmp;

            import io.zerowire.annotations.Bits;
            import io.zerowire.annotations.Header;
            import io.zerowire.annotations.Reserved;

            /** ICMP destination unreachable and time exceeded: the quoted datagram is the body. */
            @Header(layer = "icmp error")
            public interface IcmpErrorLayout {
                @Bits(16) @Reserved int unused();

                @Bits(16) int nextHopMtu();
            }
            """);

    private static Compilation compile(JavaFileObject... sources) {
        return javac()
                .withProcessors(new LayoutProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(sources);
    }

    @TestFactory
    Stream<DynamicTest> ipv4ViewAndBuilderMatchTheGoldenFiles() {
        Compilation compilation = compile(IPV4_LAYOUT, IP_PROTOCOL, IPV4_OPTIONS);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "ipv4", "golden.ipv4.Ipv4Header", "golden.ipv4.Ipv4HeaderBuilder",
                "golden.ipv4.Ipv4OptionFormat");
    }

    @TestFactory
    Stream<DynamicTest> optionFormatMatchesTheGoldenFile() {
        Compilation compilation = compile(GENEVE_OPTIONS);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "options", "golden.options.GeneveOptionFormat");
    }

    @TestFactory
    Stream<DynamicTest> udpSpecializationsMatchTheGoldenFiles() {
        Compilation compilation = compile(UDP_LAYOUT);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "udp", "golden.udp.UdpHeader",
                "golden.udp.UdpHeaderV4", "golden.udp.UdpHeaderV4Builder",
                "golden.udp.UdpHeaderV6", "golden.udp.UdpHeaderV6Builder");
    }

    @TestFactory
    Stream<DynamicTest> udpLiteMatchesTheGoldenFiles() {
        Compilation compilation = compile(UDPLITE_LAYOUT);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "udplite", "golden.udplite.UdpLiteHeader",
                "golden.udplite.UdpLiteHeaderV4", "golden.udplite.UdpLiteHeaderV4Builder",
                "golden.udplite.UdpLiteHeaderV6", "golden.udplite.UdpLiteHeaderV6Builder");
    }

    @TestFactory
    Stream<DynamicTest> greViewAndBuilderMatchTheGoldenFiles() {
        Compilation compilation = compile(GRE_LAYOUT);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "gre", "golden.gre.GreHeader", "golden.gre.GreHeaderBuilder");
    }

    @TestFactory
    Stream<DynamicTest> parseTimeOrderMatchesTheGoldenFiles() {
        Compilation compilation = compile(RECORD_LAYOUT, SECTION_LAYOUT);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "parseorder", "golden.parseorder.RecordHeader", "golden.parseorder.RecordHeaderBuilder",
                "golden.parseorder.SectionStart", "golden.parseorder.SectionStartBuilder");
    }

    @TestFactory
    Stream<DynamicTest> icmpVariantsMatchTheGoldenFiles() {
        Compilation compilation = compile(ICMP_LAYOUT, ICMP_ECHO, ICMP_ERROR);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "icmp", "golden.icmp.IcmpMessage", "golden.icmp.IcmpMessageBuilder",
                "golden.icmp.IcmpEcho", "golden.icmp.IcmpEchoBuilder", "golden.icmp.IcmpError",
                "golden.icmp.IcmpErrorBuilder");
    }

    @TestFactory
    Stream<DynamicTest> valueSetMatchesTheGoldenFile() {
        Compilation compilation = compile(ETHER_TYPES);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "valueset", "golden.valueset.EtherType");
    }

    @TestFactory
    Stream<DynamicTest> repeatedGroupsMatchTheGoldenFiles() {
        Compilation compilation = compile(IGMP_QUERY_LAYOUT, MPLS_LAYOUTS);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "repeated", "golden.repeated.IgmpQuery", "golden.repeated.IgmpQueryBuilder",
                "golden.repeated.MplsEntry", "golden.repeated.MplsEntryBuilder", "golden.repeated.MplsStack",
                "golden.repeated.MplsStackBuilder");
    }

    /** The golden files cover everything generated: a new generated file must get a golden file too. */
    @Test
    void everyGeneratedFileHasAGoldenFile() {
        assertEquals(List.of("golden/ipv4/Ipv4Header.java", "golden/ipv4/Ipv4HeaderBuilder.java",
                        "golden/ipv4/Ipv4OptionFormat.java"),
                generatedPaths(compile(IPV4_LAYOUT, IP_PROTOCOL, IPV4_OPTIONS)));
        assertEquals(List.of("golden/udp/UdpHeader.java", "golden/udp/UdpHeaderV4.java", "golden/udp/UdpHeaderV4Builder.java",
                        "golden/udp/UdpHeaderV6.java", "golden/udp/UdpHeaderV6Builder.java"),
                generatedPaths(compile(UDP_LAYOUT)));
        assertEquals(List.of("golden/gre/GreHeader.java", "golden/gre/GreHeaderBuilder.java"),
                generatedPaths(compile(GRE_LAYOUT)));
        assertEquals(List.of("golden/valueset/EtherType.java"), generatedPaths(compile(ETHER_TYPES)));
        assertEquals(List.of("golden/parseorder/RecordHeader.java", "golden/parseorder/RecordHeaderBuilder.java",
                        "golden/parseorder/SectionStart.java", "golden/parseorder/SectionStartBuilder.java"),
                generatedPaths(compile(RECORD_LAYOUT, SECTION_LAYOUT)));
        assertEquals(List.of("golden/udplite/UdpLiteHeader.java", "golden/udplite/UdpLiteHeaderV4.java",
                        "golden/udplite/UdpLiteHeaderV4Builder.java", "golden/udplite/UdpLiteHeaderV6.java",
                        "golden/udplite/UdpLiteHeaderV6Builder.java"),
                generatedPaths(compile(UDPLITE_LAYOUT)));
        assertEquals(List.of("golden/repeated/IgmpQuery.java", "golden/repeated/IgmpQueryBuilder.java",
                        "golden/repeated/MplsEntry.java", "golden/repeated/MplsEntryBuilder.java",
                        "golden/repeated/MplsStack.java", "golden/repeated/MplsStackBuilder.java"),
                generatedPaths(compile(IGMP_QUERY_LAYOUT, MPLS_LAYOUTS)));
        assertEquals(List.of("golden/options/GeneveOptionFormat.java"), generatedPaths(compile(GENEVE_OPTIONS)));
        assertEquals(List.of("golden/icmp/IcmpEcho.java", "golden/icmp/IcmpEchoBuilder.java",
                        "golden/icmp/IcmpError.java", "golden/icmp/IcmpErrorBuilder.java",
                        "golden/icmp/IcmpMessage.java", "golden/icmp/IcmpMessageBuilder.java"),
                generatedPaths(compile(ICMP_LAYOUT, ICMP_ECHO, ICMP_ERROR)));
    }

    /** Generated text is the platform-independent form: LF line ends, a final newline, no tabs or trailing blanks. */
    @Test
    void generatedSourcesAreCleanText() {
        List<JavaFileObject> generated = new ArrayList<>(compile(IPV4_LAYOUT, IP_PROTOCOL, IPV4_OPTIONS).generatedSourceFiles());
        generated.addAll(compile(UDP_LAYOUT).generatedSourceFiles());
        generated.addAll(compile(GRE_LAYOUT).generatedSourceFiles());
        generated.addAll(compile(ETHER_TYPES).generatedSourceFiles());
        generated.addAll(compile(UDPLITE_LAYOUT).generatedSourceFiles());
        generated.addAll(compile(IGMP_QUERY_LAYOUT, MPLS_LAYOUTS).generatedSourceFiles());
        generated.addAll(compile(GENEVE_OPTIONS).generatedSourceFiles());
        generated.addAll(compile(ICMP_LAYOUT, ICMP_ECHO, ICMP_ERROR).generatedSourceFiles());
        assertEquals(29, generated.size());
        for (JavaFileObject file : generated) {
            String text = contents(file);
            assertTrue(text.endsWith("}\n"), () -> file.getName() + " must end with one newline");
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int number = i + 1;
                assertTrue(!line.contains("\r") && !line.contains("\t"),
                        () -> file.getName() + ":" + number + " has a tab or carriage return");
                assertTrue(line.isEmpty() || !Character.isWhitespace(line.charAt(line.length() - 1)),
                        () -> file.getName() + ":" + number + " has trailing blanks: [" + line + "]");
            }
        }
    }

    private static List<String> generatedPaths(Compilation compilation) {
        assertThat(compilation).succeeded();
        return compilation.generatedSourceFiles().stream()
                .map(file -> file.toUri().getPath())
                .map(path -> path.substring(path.indexOf("/golden/") + 1))
                .sorted()
                .collect(Collectors.toList());
    }

    private static Stream<DynamicTest> golden(Compilation compilation, String directory, String... qualifiedNames) {
        return Stream.of(qualifiedNames).map(name -> DynamicTest.dynamicTest(name, () -> {
            String simpleName = name.substring(name.lastIndexOf('.') + 1);
            String resource = "golden/" + directory + "/" + simpleName + ".java.txt";
            JavaFileObject file = compilation.generatedSourceFile(name)
                    .orElseThrow(() -> new AssertionError("no generated source " + name + "; generated: "
                            + compilation.generatedSourceFiles()));
            String actual = contents(file);
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Path path = Path.of(System.getProperty("basedir", "."), "src/test/resources", resource);
                Files.createDirectories(path.getParent());
                Files.writeString(path, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = resource(resource);
            if (!expected.equals(actual)) {
                // assertEquals on the whole text gives IDEs a side-by-side diff; the message says where.
                assertEquals(expected, actual, resource + " differs from the generated " + name
                        + " at line " + firstDifferentLine(expected, actual)
                        + " (if the change is intended, rerun with -D" + UPDATE_PROPERTY + "=true)");
            }
        }));
    }

    private static int firstDifferentLine(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        return i + 1;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenSourcesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                fail("missing golden file src/test/resources/" + name
                        + " (create it with -D" + UPDATE_PROPERTY + "=true)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String contents(JavaFileObject file) {
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
