package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics about variants chosen by a type field ({@code @Variants}): the type field, each variant's name, values and layout. */
class VariantDiagnosticsTest {
    private static final String[] VARIANT_LAYOUTS = {
        "@Header",
        "interface EchoLayout {",
        "    @Bits(16) int identifier();",
        "    @Bits(16) int sequenceNumber();",
        "}",
        "@Header",
        "interface SummedLayout {",
        "    @Bits(16) @Checksum(covers = Coverage.HEADER) int sum();",
        "}",
    };

    /** A layout file: {@code lines}, then the variant layouts they may name. */
    private static JavaFileObject layout(String... lines) {
        String[] all = new String[lines.length + VARIANT_LAYOUTS.length];
        System.arraycopy(lines, 0, all, 0, lines.length);
        System.arraycopy(VARIANT_LAYOUTS, 0, all, lines.length, VARIANT_LAYOUTS.length);
        return source("IcmpLayout", all);
    }

    @Test
    void anIcmpLayoutCompilesWithoutWarnings() {
        JavaFileObject echo = source("EchoLayout",
                "@Header",
                "interface EchoLayout {",
                "    @Bits(16) int identifier();",
                "    @Bits(16) int sequenceNumber();",
                "}");
        JavaFileObject file = source("IcmpLayout",
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"echoReply\", value = 0, layout = EchoLayout.class),",
                "        @Variant(name = \"echoRequest\", value = 8, layout = EchoLayout.class)})",
                "    int type();",
                "    @Bits(8) int code();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER_AND_BODY) int checksum();",
                "}");
        Compilation compilation = Layouts.compileStrictly(file, echo);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Icmp").contentsAsUtf8String()
                .contains("public Echo asEchoRequest()");
        assertThat(compilation).generatedSourceFile("p.IcmpBuilder").contentsAsUtf8String()
                .contains("public IcmpBuilder echoReply(EchoBuilder echoReply)");
        assertThat(compilation).generatedSourceFile("p.Echo").contentsAsUtf8String()
                .contains("public Echo coveredByChecksumAt(int arrayIndex)");
    }

    @Test
    @Diagnoses("VARIANTS_NOT_A_NUMBER")
    void aTypeFieldThatIsNotANumberIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(32) @Variants(@Variant(name = \"echo\", value = 8, layout = EchoLayout.class))",
                "    long type();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variants on type(): the type field that selects the variant is an"
                        + " int or an open enum of at most 31 bits without another role (it is long of 32 bits)")
                .inFile(file).onLineContaining("@Variants");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANTS_TWICE")
    void aSecondTypeFieldIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants(@Variant(name = \"echo\", value = 8, layout = EchoLayout.class)) int type();",
                "    @Bits(8) @Variants(@Variant(name = \"other\", value = 8, layout = EchoLayout.class)) int code();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("code() is a second @Variants field: a layout has one type field"
                        + " (the first is type())")
                .inFile(file).onLineContaining("int code()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANTS_EMPTY")
    void noVariantIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({}) int type();",
                "    @Bits(8) int code();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variants on type() lists no variant")
                .inFile(file).onLineContaining("int type()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANTS_UNSUPPORTED")
    void aLengthFieldBesideVariantsIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants(@Variant(name = \"echo\", value = 8, layout = EchoLayout.class))",
                "    int type();",
                "    @Bits(8) @HeaderLength(unit = 1) int length();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variants on type() cannot be combined with @HeaderLength on length()"
                        + " (not supported)")
                .inFile(file).onLineContaining("@Variants");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANT_ODD_OFFSET")
    void variantsAtAnOddOffsetUnderAChecksumAreReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants(@Variant(name = \"echo\", value = 8, layout = EchoLayout.class))",
                "    int type();",
                "    @Bits(8) int code();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER_AND_BODY) int checksum();",
                "    @Bits(8) int pad();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("the variants of type() start at byte 5, which is odd: the checksum"
                        + " checksum() covers them in 16-bit words")
                .inFile(file).onLineContaining("@Variants");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANT_BAD_NAME")
    void badVariantNamesAreReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"Echo\", value = 1, layout = EchoLayout.class),",
                "        @Variant(name = \"echo reply\", value = 2, layout = EchoLayout.class),",
                "        @Variant(name = \"unknown\", value = 3, layout = EchoLayout.class),",
                "        @Variant(name = \"code\", value = 4, layout = EchoLayout.class),",
                "        @Variant(name = \"twice\", value = 5, layout = EchoLayout.class),",
                "        @Variant(name = \"twice\", value = 6, layout = EchoLayout.class)})",
                "    int type();",
                "    @Bits(8) int code();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variant(name = \"Echo\") on type(): the name starts with a capital")
                .inFile(file).onLineContaining("\"Echo\"");
        assertThat(compilation).hadErrorContaining("@Variant(name = \"echo reply\") on type(): the name is not a Java"
                        + " identifier")
                .inFile(file).onLineContaining("\"echo reply\"");
        assertThat(compilation).hadErrorContaining("@Variant(name = \"unknown\") on type(): the name would give the"
                        + " constant UNKNOWN")
                .inFile(file).onLineContaining("\"unknown\"");
        assertThat(compilation).hadErrorContaining("@Variant(name = \"code\") on type(): a field has this name")
                .inFile(file).onLineContaining("\"code\"");
        assertThat(compilation).hadErrorContaining("@Variant(name = \"twice\") on type(): another variant has this name")
                .inFile(file).onLineContaining("value = 6");
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    @Diagnoses("VARIANT_NO_VALUE")
    void aVariantWithoutValuesIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"echo\", value = {}, layout = EchoLayout.class)})",
                "    int type();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variant(name = \"echo\") on type() has no value")
                .inFile(file).onLineContaining("@Variant(name");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANT_OUT_OF_RANGE")
    void aValueWiderThanTheTypeFieldIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"echo\", value = {8, 256}, layout = EchoLayout.class),",
                "        @Variant(name = \"negative\", value = -1, layout = EchoLayout.class)})",
                "    int type();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variant(name = \"echo\") on type(): value 256 does not fit in the 8"
                        + " unsigned bits of type()")
                .inFile(file).onLineContaining("256");
        assertThat(compilation).hadErrorContaining("value -1 does not fit").inFile(file).onLineContaining("-1");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("VARIANT_DUPLICATE_VALUE")
    void twoVariantsWithOneValueAreReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"echo\", value = {0, 8}, layout = EchoLayout.class),",
                "        @Variant(name = \"request\", value = 8, layout = EchoLayout.class)})",
                "    int type();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variant(name = \"request\") on type(): value 8 already selects the"
                        + " variant echo: each value selects one variant")
                .inFile(file).onLineContaining("\"request\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANT_NOT_A_LAYOUT")
    void aVariantThatIsNotALayoutIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"echo\", value = 8, layout = String.class)})",
                "    int type();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variant(name = \"echo\") on type(): java.lang.String is not a layout:"
                        + " a variant is an interface annotated @Header")
                .inFile(file).onLineContaining("String.class");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VARIANT_NOT_FIXED")
    void aVariantWithAChecksumOfItsOwnIsReported() {
        JavaFileObject file = layout(
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) @Variants({",
                "        @Variant(name = \"summed\", value = 8, layout = SummedLayout.class)})",
                "    int type();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Variant(name = \"summed\") on type(): the layout p.SummedLayout has a"
                        + " checksum of its own: a variant is a layout of fixed fields")
                .inFile(file).onLineContaining("SummedLayout.class");
        assertThat(compilation).hadErrorCount(1);
    }
}
