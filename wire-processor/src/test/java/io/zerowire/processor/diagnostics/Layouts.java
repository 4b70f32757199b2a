package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.zerowire.processor.LayoutProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Small in-memory layouts for the diagnostics tests, and the one way to compile them. */
final class Layouts {
    /** Every import a test layout may need, so that each test shows only the layout itself. */
    private static final List<String> PREAMBLE = List.of(
            "package p;",
            "",
            "import io.zerowire.annotations.Bits;",
            "import io.zerowire.annotations.ByteOrderMark;",
            "import io.zerowire.annotations.Checksum;",
            "import io.zerowire.annotations.Checksum.Coverage;",
            "import io.zerowire.annotations.Checksum.IpVersion;",
            "import io.zerowire.annotations.Const;",
            "import io.zerowire.annotations.Endian;",
            "import io.zerowire.annotations.Header;",
            "import io.zerowire.annotations.HeaderLength;",
            "import io.zerowire.annotations.Options;",
            "import io.zerowire.annotations.OptionHeader;",
            "import io.zerowire.annotations.OptionHeader.Padding;",
            "import io.zerowire.annotations.OptionKind;",
            "import io.zerowire.annotations.OptionLength;",
            "import io.zerowire.annotations.OptionLength.Counts;",
            "import io.zerowire.annotations.PresentIf;",
            "import io.zerowire.annotations.Repeated;",
            "import io.zerowire.annotations.Reserved;",
            "import io.zerowire.annotations.Signed;",
            "import io.zerowire.annotations.Size;",
            "import io.zerowire.annotations.TotalLength;",
            "import io.zerowire.annotations.Variant;",
            "import io.zerowire.annotations.Variants;",
            "import io.zerowire.ip.IpAddress;",
            "import io.zerowire.ip.Ipv4Address;",
            "import io.zerowire.ip.Ipv6Address;",
            "import io.zerowire.link.MacAddress;",
            "import io.zerowire.options.OptionsIterator;",
            "import java.util.List;",
            "");

    /**
     * The option formats that test layouts name in {@code @Options}, as protocols declares them:
     * {@code p.TcpOptionLayout}, {@code p.Ipv4OptionLayout} (RFC 791/9293) and {@code p.Ipv6OptionLayout}
     * (RFC 8200). Every compilation includes them; they generate {@code p.*OptionFormat}.
     */
    static final List<JavaFileObject> OPTION_FORMATS = List.of(
            source("TcpOptionLayout",
                    "@OptionHeader(name = \"tcp\", singleByteKinds = {0, 1}, endOfList = 0,",
                    "        padding = Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)",
                    "public interface TcpOptionLayout {",
                    "    @Bits(8) @OptionKind int kind();",
                    "    @Bits(8) @OptionLength(unit = 1, counts = Counts.WHOLE_OPTION) int length();",
                    "}"),
            source("Ipv4OptionLayout",
                    "@OptionHeader(name = \"ipv4\", singleByteKinds = {0, 1}, endOfList = 0,",
                    "        padding = Padding.END_OF_LIST_THEN_ZEROS, regionAlignment = 4)",
                    "public interface Ipv4OptionLayout {",
                    "    @Bits(8) @OptionKind int kind();",
                    "    @Bits(8) @OptionLength(unit = 1, counts = Counts.WHOLE_OPTION) int length();",
                    "}"),
            source("Ipv6OptionLayout",
                    "@OptionHeader(name = \"ipv6-options\", singleByteKinds = 0, padding = Padding.PAD1_PADN, pad1 = 0,",
                    "        padN = 1, regionAlignment = 8)",
                    "public interface Ipv6OptionLayout {",
                    "    @Bits(8) @OptionKind int type();",
                    "    @Bits(8) @OptionLength(unit = 1, counts = Counts.VALUE) int length();",
                    "}"));

    private Layouts() {}

    private static JavaFileObject[] withOptionFormats(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(Arrays.asList(sources));
        for (JavaFileObject format : OPTION_FORMATS) {
            if (all.stream().noneMatch(source -> source.getName().equals(format.getName()))) {
                all.add(format);
            }
        }
        return all.toArray(new JavaFileObject[0]);
    }

    /** The source file {@code p.<simpleName>}: the common imports, then {@code lines}. */
    static JavaFileObject source(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(PREAMBLE);
        all.addAll(Arrays.asList(lines));
        return JavaFileObjects.forSourceLines("p." + simpleName, all);
    }

    /** Compiles with the layout processor and default options. */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new LayoutProcessor()).compile(withOptionFormats(sources));
    }

    /** Compiles as the project does: every lint warning on (except unclaimed annotations), warnings as errors. */
    static Compilation compileStrictly(JavaFileObject... sources) {
        return javac()
                .withProcessors(new LayoutProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(withOptionFormats(sources));
    }
}
