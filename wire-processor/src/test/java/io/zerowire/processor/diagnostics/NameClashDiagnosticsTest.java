package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A field whose name clashes with a member of the generated view or builder must be reported on the
 * field, before any code is written: never as a compile error in generated code. Each test checks
 * the error count so that an error in generated sources shows up as an extra error.
 */
class NameClashDiagnosticsTest {

    @Test
    @Diagnoses("NAME_CLASH")
    void fieldNamedLikeAFixedGeneratedMemberIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    int parse();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field parse() clashes with the generated member parse(): rename the field")
                .inFile(file).onLineContaining("int parse();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("NAME_CLASH")
    void fieldsNamedLikeStructureAccessorsAreReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int offset();",
                "    @Bits(8) int headerLength();",
                "    @Bits(16) int bodyLength();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field offset() clashes with the generated member offset()")
                .inFile(file).onLineContaining("int offset();");
        assertThat(compilation).hadErrorContaining("field headerLength() clashes with the generated member headerLength()")
                .inFile(file).onLineContaining("int headerLength();");
        assertThat(compilation).hadErrorContaining("field bodyLength() clashes with the generated member bodyLength()")
                .inFile(file).onLineContaining("int bodyLength();");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    @Diagnoses("NAME_CLASH")
    void fieldNamedLikeAnotherFieldsSetterIsReportedOnThatField() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "    @Bits(8)",
                "    int setTtl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field setTtl() clashes with the generated member setTtl() generated for ttl():"
                        + " rename the field")
                .inFile(file).onLineContaining("int setTtl();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("NAME_CLASH")
    void fieldNamedLikeAnAddressAccessorIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    Ipv4Address source();",
                "    @Bits(32) long sourceBits();",
                "    @Bits(32) long sourceOffset();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field sourceBits() clashes with the generated member sourceBits() generated for source()")
                .inFile(file).onLineContaining("long sourceBits();");
        assertThat(compilation)
                .hadErrorContaining("field sourceOffset() clashes with the generated member sourceOffset() generated for source()")
                .inFile(file).onLineContaining("long sourceOffset();");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("NAME_CLASH")
    void fieldNamedLikeAnOpenEnumsValueGetterIsReported() {
        JavaFileObject kind = source("Kind",
                "public final class Kind {",
                "    private final int value;",
                "    private Kind(int value) { this.value = value; }",
                "    public static Kind of(int value) { return new Kind(value); }",
                "    public int value() { return value; }",
                "}");
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) Kind kind();",
                "    @Bits(8) int kindValue();",
                "}");
        Compilation compilation = compile(kind, file);
        assertThat(compilation)
                .hadErrorContaining("field kindValue() clashes with the generated member kindValue() generated for kind()")
                .inFile(file).onLineContaining("int kindValue();");
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * In the IPv4 specialization the address type parameter becomes an {@code Ipv4Address}, whose view
     * also has a {@code <name>Bits()} getter: a field of that name clashes in {@code FooV4}.
     */
    @Test
    @Diagnoses("NAME_CLASH")
    void fieldNamedLikeTheBitsGetterOfAGenericAddressIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout<A extends IpAddress<?>> {",
                "    A source();",
                "    @Bits(32) long sourceBits();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field sourceBits() clashes with the generated member sourceBits() generated for source()")
                .inFile(file).onLineContaining("long sourceBits();");
        assertThat(compilation).hadErrorCount(1);
    }

    /** The builder keeps a {@code <name>Overridden} flag for each derived field; a field of that name clashes. */
    @Test
    @Diagnoses("NAME_CLASH")
    void fieldNamedLikeTheBuildersOverrideFlagIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(4) @Const(4) int version();",
                "    @Bits(4) int versionOverridden();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field versionOverridden() clashes with the generated member")
                .inFile(file).onLineContaining("int versionOverridden();");
        assertThat(compilation).hadErrorCount(1);
    }

    /** {@code fooBar} and {@code foo_bar} both get the offset constant {@code FOO_BAR_OFFSET}. */
    @Test
    @Diagnoses("NAME_CLASH")
    void fieldsWithTheSameOffsetConstantAreReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int fooBar();",
                "    @Bits(8) int foo_bar();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("clashes with the generated member FOO_BAR_OFFSET")
                .inFile(file).onLineContaining("int foo_bar();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void namesThatOnlyResembleGeneratedMembersAreAccepted() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int parsed();",
                "    @Bits(8) int settings();",
                "    @Bits(8) int value();",
                "    @Bits(8) int length();",
                "    @Bits(8) int options();",
                "    @Bits(8) int body();",
                "    @Bits(16) int layer();",
                "}");
        Compilation compilation = Layouts.compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.FooBuilder").isNotNull();
    }
}
