package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about one field: the method's shape, its type, its width and size, and where it
 * starts. Annotations and methods are on separate lines where it matters, so that the tests prove
 * whether an error points at the annotation or at the method.
 */
class FieldDiagnosticsTest {

    @Test
    @Diagnoses("FIELD_HAS_PARAMETERS")
    void methodWithParametersIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    int ttl(int hops);",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field ttl() must not take parameters: a field is an abstract method with none")
                .inFile(file).onLineContaining("int ttl(int hops);");
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * A default method is a helper the view inherits: it is no field, so the widths still add up
     * (it once counted as a 1-bit field, which gave "65 bits" on top of a rejection).
     */
    @Test
    void defaultMethodsAreHelpersNotFields() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(32) long identification();",
                "    boolean moreFragments();",
                "    @Bits(31) int fragmentOffset();",
                "",
                "    default boolean isFragment() { return moreFragments() || fragmentOffset() != 0; }",
                "",
                "    static int fragmentOffsetBytes(FooLayout header) { return header.fragmentOffset() * 8; }",
                "}");
        Compilation compilation = Layouts.compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Foo").contentsAsUtf8String()
                .contains("FIXED_LENGTH = 8;");
        assertThat(compilation).generatedSourceFile("p.Foo").contentsAsUtf8String()
                .doesNotContain("isFragment");
    }

    @Test
    @Diagnoses("HELPER_ANNOTATED")
    void layoutAnnotationOnAHelperIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) int hops();",
                "    @Bits(8)",
                "    default int ttl() { return 64; }",
                "    @Const(1)",
                "    static int version() { return 1; }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("helper ttl() has @Bits, which only fields take: a default or static method is a"
                        + " helper, not a field (remove the annotation, or the body to make it a field)")
                .inFile(file).onLineContaining("@Bits(8)");
        assertThat(compilation)
                .hadErrorContaining("helper version() has @Const, which only fields take")
                .inFile(file).onLineContaining("@Const(1)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("FIELD_IS_GENERIC")
    void genericMethodIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    <T> int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field ttl() must not declare type parameters")
                .inFile(file).onLineContaining("<T> int ttl();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void staticAndPrivateMethodsAreHelpersNotFields() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "",
                "    static int defaultTtl() { return 64; }",
                "",
                "    private String describe(int hops) { return \"hops \" + hops; }",
                "}");
        Compilation compilation = Layouts.compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Foo").contentsAsUtf8String()
                .doesNotContain("describe");
    }

    /**
     * {@code String} is no open enum, although it has a (package-private) {@code byte[] value()}
     * method: it must get the unsupported-type message, and no follow-on "needs a width".
     */
    @Test
    @Diagnoses("UNSUPPORTED_TYPE")
    void unsupportedTypeIsReportedOnTheMethodWithoutFollowOnErrors() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "    String name();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field name() has type java.lang.String, which a layout cannot hold: use int, long,"
                        + " boolean, MacAddress, Ipv4Address, Ipv6Address, the layout's address type parameter,"
                        + " byte[] with @Size, an open enum (a type with static of(int) and int value()),"
                        + " or OptionsIterator with @Options")
                .inFile(file).onLineContaining("String name();");
        // Its width is unknown, so no "not a whole number of bytes" follows.
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("UNSUPPORTED_TYPE")
    void narrowPrimitivesAndJavaEnumsAreUnsupported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    enum Color { RED, GREEN }",
                "",
                "    @Bits(8) byte ttl();",
                "    @Bits(16) short port();",
                "    @Bits(8) Color color();",
                "    @Bits(8) Integer boxed();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field ttl() has type byte, which a layout cannot hold")
                .inFile(file).onLineContaining("byte ttl();");
        assertThat(compilation).hadErrorContaining("field port() has type short, which a layout cannot hold")
                .inFile(file).onLineContaining("short port();");
        assertThat(compilation).hadErrorContaining("field color() has type p.FooLayout.Color, which a layout cannot hold")
                .inFile(file).onLineContaining("Color color();");
        assertThat(compilation).hadErrorContaining("field boxed() has type java.lang.Integer, which a layout cannot hold")
                .inFile(file).onLineContaining("Integer boxed();");
        assertThat(compilation).hadErrorCount(4);
    }

    @Test
    @Diagnoses("MISSING_WIDTH")
    void intWithoutBitsIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field ttl() needs a width: add @Bits(n) with n from 1 to 64")
                .inFile(file).onLineContaining("int ttl();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("WIDTH_OUT_OF_RANGE")
    void widthsOutsideOneToSixtyFourAreReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(0)",
                "    int nothing();",
                "    @Bits(65)",
                "    long tooMuch();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Bits(0) on nothing() is out of range: a width is 1 to 64 bits")
                .inFile(file).onLineContaining("@Bits(0)");
        assertThat(compilation).hadErrorContaining("@Bits(65) on tooMuch() is out of range: a width is 1 to 64 bits")
                .inFile(file).onLineContaining("@Bits(65)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("WIDTH_TOO_LARGE")
    void unsignedThirtyTwoBitIntIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(32)",
                "    int sequence();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("@Bits(32) does not fit in the int type of sequence(): an int holds up to 31"
                        + " unsigned bits or 32 signed ones; declare the field as long")
                .inFile(file).onLineContaining("@Bits(32)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("WIDTH_TOO_LARGE")
    void widthsLargerThanBooleanIntAndOpenEnumAreReported() {
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
                "    @Bits(2)",
                "    boolean flag();",
                "    @Bits(33) @Signed",
                "    int big();",
                "    @Bits(32)",
                "    Kind kind();",
                "    @Bits(5) int pad();",
                "}");
        Compilation compilation = compile(kind, file);
        assertThat(compilation)
                .hadErrorContaining("@Bits(2) does not fit in the boolean type of flag(): a boolean is exactly 1 bit;"
                        + " declare the field as int")
                .inFile(file).onLineContaining("@Bits(2)");
        assertThat(compilation).hadErrorContaining("@Bits(33) does not fit in the int type of big()")
                .inFile(file).onLineContaining("@Bits(33) @Signed");
        assertThat(compilation)
                .hadErrorContaining("@Bits(32) does not fit in the p.Kind type of kind(): an open enum's value() is an int"
                        + " of up to 31 bits")
                .inFile(file).onLineContaining("@Bits(32)");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    @Diagnoses("WIDTH_NOT_ALLOWED")
    void bitsOnAnAddressIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(32)",
                "    Ipv4Address source();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field source() has type io.zerowire.ip.Ipv4Address, whose width is fixed: remove @Bits")
                .inFile(file).onLineContaining("@Bits(32)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("SIGNED_NOT_ALLOWED")
    void signedBooleanIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Signed",
                "    boolean flag();",
                "    @Bits(7) int rest();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Signed applies to int and long fields only, not to flag()")
                .inFile(file).onLineContaining("@Signed");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("NOT_WHOLE_BYTES")
    void widthsThatDoNotEndOnAByteBoundaryAreReportedOnTheHeader() {
        JavaFileObject file = source("FooLayout",
                "@Header(layer = \"foo\")",
                "interface FooLayout {",
                "    @Bits(4) int version();",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("the fields of FooLayout add up to 12 bits, which is not a whole number of bytes:"
                        + " add 4 more bits (a @Reserved field, for example) or fix a width")
                .inFile(file).onLineContaining("@Header(layer = \"foo\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("NOT_BYTE_ALIGNED")
    void addressOffAByteBoundaryIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(4) int version();",
                "    Ipv4Address source();",
                "    @Bits(4) int rest();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field source() starts at bit 4, which is not on a byte boundary: addresses,"
                        + " byte regions and options must start on one")
                .inFile(file).onLineContaining("Ipv4Address source();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("SIZE_REQUIRED")
    void byteRegionWithoutSizeIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    byte[] nonce();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("byte region nonce() needs its length: add @Size(n)")
                .inFile(file).onLineContaining("byte[] nonce();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("SIZE_NOT_ALLOWED")
    void sizeOnANumberIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Size(2)",
                "    @Bits(16) int port();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Size applies to byte[] fields only, not to port()")
                .inFile(file).onLineContaining("@Size(2)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("SIZE_OUT_OF_RANGE")
    void emptyByteRegionIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Size(0)",
                "    byte[] nonce();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("@Size(0) on nonce() is out of range: a byte region is 1 byte or more")
                .inFile(file).onLineContaining("@Size(0)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("BAD_ENUM")
    void openEnumWithoutValueIsReportedOnTheMethod() {
        JavaFileObject kind = source("Kind",
                "public final class Kind {",
                "    private Kind() {}",
                "    public static Kind of(int value) { return new Kind(); }",
                "}");
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    Kind kind();",
                "}");
        Compilation compilation = compile(kind, file);
        assertThat(compilation).hadErrorContaining("open enum Kind of field kind() needs public int value()")
                .inFile(file).onLineContaining("Kind kind();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("BAD_ENUM")
    void openEnumWhoseOfIsNotStaticIsReported() {
        JavaFileObject kind = source("Kind",
                "public final class Kind {",
                "    public Kind of(int value) { return this; }",
                "    public int value() { return 0; }",
                "}");
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    Kind kind();",
                "}");
        Compilation compilation = compile(kind, file);
        assertThat(compilation).hadErrorContaining("open enum Kind of field kind() needs public static Kind of(int)")
                .inFile(file).onLineContaining("Kind kind();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void independentMistakesInOneLayoutAreAllReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int ttl(int hops);",
                "    @Bits(8) int ok();",
                "    @Bits(16) short port();",
                "    @Size(0)",
                "    byte[] nonce();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field ttl() must not take parameters")
                .inFile(file).onLineContaining("int ttl(int hops);");
        assertThat(compilation).hadErrorContaining("field port() has type short")
                .inFile(file).onLineContaining("short port();");
        assertThat(compilation).hadErrorContaining("@Size(0) on nonce() is out of range")
                .inFile(file).onLineContaining("@Size(0)");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void mistakesInSeveralLayoutsAreAllReported() {
        JavaFileObject first = source("FirstLayout",
                "@Header",
                "interface FirstLayout {",
                "    int ttl();",
                "}");
        JavaFileObject valid = source("ValidLayout",
                "@Header",
                "interface ValidLayout {",
                "    @Bits(8) int ttl();",
                "}");
        JavaFileObject second = source("SecondLayout",
                "@Header",
                "interface SecondLayout {",
                "    @Bits(65) long big();",
                "}");
        Compilation compilation = compile(first, valid, second);
        assertThat(compilation).hadErrorContaining("field ttl() needs a width")
                .inFile(first).onLineContaining("int ttl();");
        assertThat(compilation).hadErrorContaining("@Bits(65) on big() is out of range")
                .inFile(second).onLineContaining("@Bits(65) long big();");
        assertThat(compilation).hadErrorCount(2);
    }
}
