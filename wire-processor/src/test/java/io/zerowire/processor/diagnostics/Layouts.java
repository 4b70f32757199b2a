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
            "import io.zerowire.annotations.Checksum;",
            "import io.zerowire.annotations.Checksum.Coverage;",
            "import io.zerowire.annotations.Checksum.IpVersion;",
            "import io.zerowire.annotations.Const;",
            "import io.zerowire.annotations.Endian;",
            "import io.zerowire.annotations.Header;",
            "import io.zerowire.annotations.HeaderLength;",
            "import io.zerowire.annotations.Options;",
            "import io.zerowire.annotations.Options.Format;",
            "import io.zerowire.annotations.PresentIf;",
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
            "");

    private Layouts() {}

    /** The source file {@code p.<simpleName>}: the common imports, then {@code lines}. */
    static JavaFileObject source(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(PREAMBLE);
        all.addAll(Arrays.asList(lines));
        return JavaFileObjects.forSourceLines("p." + simpleName, all);
    }

    /** Compiles with the layout processor and default options. */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new LayoutProcessor()).compile(sources);
    }

    /** Compiles as the project does: every lint warning on (except unclaimed annotations), warnings as errors. */
    static Compilation compileStrictly(JavaFileObject... sources) {
        return javac()
                .withProcessors(new LayoutProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(sources);
    }
}
