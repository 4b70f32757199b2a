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

                @Options(Options.Format.IPV4) OptionsIterator options();
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
        Compilation compilation = compile(IPV4_LAYOUT, IP_PROTOCOL);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "ipv4", "golden.ipv4.Ipv4Header", "golden.ipv4.Ipv4HeaderBuilder");
    }

    @TestFactory
    Stream<DynamicTest> udpSpecializationsMatchTheGoldenFiles() {
        Compilation compilation = compile(UDP_LAYOUT);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "udp",
                "golden.udp.UdpHeaderV4", "golden.udp.UdpHeaderV4Builder",
                "golden.udp.UdpHeaderV6", "golden.udp.UdpHeaderV6Builder");
    }

    @TestFactory
    Stream<DynamicTest> greViewAndBuilderMatchTheGoldenFiles() {
        Compilation compilation = compile(GRE_LAYOUT);
        assertThat(compilation).succeededWithoutWarnings();
        return golden(compilation, "gre", "golden.gre.GreHeader", "golden.gre.GreHeaderBuilder");
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

    /** The golden files cover everything generated: a new generated file must get a golden file too. */
    @Test
    void everyGeneratedFileHasAGoldenFile() {
        assertEquals(List.of("golden/ipv4/Ipv4Header.java", "golden/ipv4/Ipv4HeaderBuilder.java"),
                generatedPaths(compile(IPV4_LAYOUT, IP_PROTOCOL)));
        assertEquals(List.of("golden/udp/UdpHeaderV4.java", "golden/udp/UdpHeaderV4Builder.java",
                        "golden/udp/UdpHeaderV6.java", "golden/udp/UdpHeaderV6Builder.java"),
                generatedPaths(compile(UDP_LAYOUT)));
        assertEquals(List.of("golden/gre/GreHeader.java", "golden/gre/GreHeaderBuilder.java"),
                generatedPaths(compile(GRE_LAYOUT)));
        assertEquals(List.of("golden/valueset/EtherType.java"), generatedPaths(compile(ETHER_TYPES)));
        assertEquals(List.of("golden/icmp/IcmpEcho.java", "golden/icmp/IcmpEchoBuilder.java",
                        "golden/icmp/IcmpError.java", "golden/icmp/IcmpErrorBuilder.java",
                        "golden/icmp/IcmpMessage.java", "golden/icmp/IcmpMessageBuilder.java"),
                generatedPaths(compile(ICMP_LAYOUT, ICMP_ECHO, ICMP_ERROR)));
    }

    /** Generated text is the platform-independent form: LF line ends, a final newline, no tabs or trailing blanks. */
    @Test
    void generatedSourcesAreCleanText() {
        List<JavaFileObject> generated = new ArrayList<>(compile(IPV4_LAYOUT, IP_PROTOCOL).generatedSourceFiles());
        generated.addAll(compile(UDP_LAYOUT).generatedSourceFiles());
        generated.addAll(compile(GRE_LAYOUT).generatedSourceFiles());
        generated.addAll(compile(ETHER_TYPES).generatedSourceFiles());
        generated.addAll(compile(ICMP_LAYOUT, ICMP_ECHO, ICMP_ERROR).generatedSourceFiles());
        assertEquals(15, generated.size());
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
