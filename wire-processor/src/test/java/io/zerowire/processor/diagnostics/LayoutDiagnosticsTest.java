package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about a layout as a whole: what {@code @Header} is on, its type parameters, its
 * attributes. Each test checks the message, and that it is attached to the offending line.
 */
class LayoutDiagnosticsTest {

    @Test
    @Diagnoses("NOT_AN_INTERFACE")
    void headerOnAClassIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "final class FooLayout {",
                "    int ttl() { return 64; }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("@Header applies to interfaces only: declare FooLayout as an interface"
                        + " whose abstract methods are its fields")
                .inFile(file).onLineContaining("@Header");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("NOT_AN_INTERFACE")
    void headerOnARecordOrAnAnnotationTypeIsReported() {
        JavaFileObject record = source("RecordLayout",
                "@Header(layer = \"record\")",
                "record RecordLayout(int ttl) {}");
        JavaFileObject annotation = source("AnnotationLayout",
                "@Header(layer = \"annotation\")",
                "@interface AnnotationLayout {",
                "    int ttl();",
                "}");
        Compilation compilation = compile(record, annotation);
        assertThat(compilation).hadErrorContaining("declare RecordLayout as an interface")
                .inFile(record).onLineContaining("@Header(layer = \"record\")");
        assertThat(compilation).hadErrorContaining("declare AnnotationLayout as an interface")
                .inFile(annotation).onLineContaining("@Header(layer = \"annotation\")");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("NO_FIELDS")
    void layoutWithoutFieldsIsReportedOnTheAnnotation() {
        JavaFileObject file = source("EmptyLayout",
                "@Header(layer = \"empty\")",
                "interface EmptyLayout {",
                "    static int helper() { return 1; }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("layout EmptyLayout has no fields: declare at least one abstract method")
                .inFile(file).onLineContaining("@Header(layer = \"empty\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("TYPE_PARAMETER_NOT_ADDRESS")
    void typeParameterThatIsNotAnAddressIsReportedOnTheDeclaration() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout<N extends Number> {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("type parameter N of FooLayout must be bounded by IpAddress<?>"
                        + " (<N extends IpAddress<?>>) so the layout can be specialized for IPv4 and IPv6")
                .inFile(file).onLineContaining("interface FooLayout<N extends Number> {");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("TYPE_PARAMETER_NOT_ADDRESS")
    void unboundedOrSingleVersionTypeParametersAreReported() {
        JavaFileObject unbounded = source("FooLayout",
                "@Header",
                "interface FooLayout<A> {",
                "    @Bits(8) int ttl();",
                "}");
        JavaFileObject concrete = source("BarLayout",
                "@Header",
                "interface BarLayout<A extends Ipv4Address> {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(unbounded, concrete);
        assertThat(compilation).hadErrorContaining("type parameter A of FooLayout must be bounded by IpAddress<?>")
                .inFile(unbounded).onLineContaining("interface FooLayout<A> {");
        assertThat(compilation).hadErrorContaining("type parameter A of BarLayout must be bounded by IpAddress<?>")
                .inFile(concrete).onLineContaining("interface BarLayout<A extends Ipv4Address> {");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("TOO_MANY_TYPE_PARAMETERS")
    void twoTypeParametersAreReportedOnTheDeclaration() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout<A extends IpAddress<?>, B extends IpAddress<?>> {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("layout FooLayout declares 2 type parameters: a layout may have one, its IP address type")
                .inFile(file).onLineContaining("interface FooLayout<A extends IpAddress<?>, B");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("BAD_HEADER_ATTRIBUTE")
    void negativeMinimumBodyLengthIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header(minBodyLength = -1)",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Header on FooLayout: minBodyLength must not be negative")
                .inFile(file).onLineContaining("@Header(minBodyLength = -1)");
        assertThat(compilation).hadErrorCount(1);
    }

    /** A view name that is not a Java identifier must be a diagnostic, not a failure of the code writer. */
    @Test
    @Diagnoses("BAD_HEADER_ATTRIBUTE")
    void viewNameThatIsNotAnIdentifierIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header(name = \"Foo Header\")",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Header on FooLayout: ")
                .inFile(file).onLineContaining("@Header(name = \"Foo Header\")");
        assertThat(compilation).hadErrorContaining("Foo Header");
        assertThat(compilation).hadErrorCount(1);
    }

    /** A view named like its own layout would overwrite it: a diagnostic, not an internal error from the Filer. */
    @Test
    @Diagnoses("BAD_HEADER_ATTRIBUTE")
    void viewNamedLikeTheLayoutIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header(name = \"FooLayout\")",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Header on FooLayout: ")
                .inFile(file).onLineContaining("@Header(name = \"FooLayout\")");
        assertThat(compilation).hadErrorCount(1);
    }

    /** Two layouts that would generate the same view: a diagnostic on the second, not an internal error. */
    @Test
    @Diagnoses("DUPLICATE_GENERATED_NAME")
    void twoLayoutsWithTheSameViewNameAreReported() {
        JavaFileObject first = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int ttl();",
                "}");
        JavaFileObject second = source("BarLayout",
                "@Header(name = \"Foo\")",
                "interface BarLayout {",
                "    @Bits(8) int hops();",
                "}");
        Compilation compilation = compile(first, second);
        assertThat(compilation).hadErrorContaining("layout BarLayout would generate p.Foo, which the layout FooLayout already generates")
                .inFile(second).onLineContaining("@Header(name = \"Foo\")");
        assertThat(compilation).hadErrorCount(1);
    }

    /** A generic layout also generates its generic view type, under the views' name without the IP version. */
    @Test
    @Diagnoses("DUPLICATE_GENERATED_NAME")
    void aLayoutNamedAsAGenericLayoutsGenericViewTypeIsReported() {
        JavaFileObject generic = source("UdpLayout",
                "@Header",
                "interface UdpLayout<A extends IpAddress<?>> {",
                "    @Bits(16) int sourcePort();",
                "}");
        JavaFileObject plain = source("OtherLayout",
                "@Header(name = \"Udp\")",
                "interface OtherLayout {",
                "    @Bits(8) int hops();",
                "}");
        Compilation compilation = compile(generic, plain);
        assertThat(compilation).hadErrorContaining("layout OtherLayout would generate p.Udp, which the layout UdpLayout already generates")
                .inFile(plain).onLineContaining("@Header(name = \"Udp\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("LAYOUT_EXTENDS")
    void layoutExtendingAnInterfaceIsReported() {
        JavaFileObject file = source("FooLayout",
                "interface Base {",
                "    @Bits(8) int ttl();",
                "}",
                "",
                "@Header",
                "interface FooLayout extends Base {",
                "    @Bits(8) int hops();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("layout FooLayout must not extend other interfaces: its own abstract methods are all its fields")
                .inFile(file).onLineContaining("@Header");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("LAYOUT_PRIVATE")
    void privateLayoutIsReported() {
        JavaFileObject file = source("Outer",
                "final class Outer {",
                "    @Header",
                "    private interface FooLayout {",
                "        @Bits(8) int ttl();",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("layout FooLayout must not be private, nor nested in a private class: the generated view in the same package implements it")
                .inFile(file).onLineContaining("@Header");
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * A layout nested in a private class is as inaccessible to the generated view as a private one:
     * it must be a diagnostic on the layout, not errors in generated code.
     */
    @Test
    @Diagnoses("LAYOUT_PRIVATE")
    void layoutInsideAPrivateClassIsReported() {
        JavaFileObject file = source("Outer",
                "final class Outer {",
                "    private static final class Inner {",
                "        @Header",
                "        interface FooLayout {",
                "            @Bits(8) int ttl();",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("FooLayout").inFile(file).onLineContaining("@Header");
        assertThat(compilation).hadErrorContaining("private");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nestedPackagePrivateLayoutIsAccepted() {
        JavaFileObject file = source("Outer",
                "final class Outer {",
                "    @Header",
                "    interface FooLayout {",
                "        @Bits(8) int ttl();",
                "    }",
                "}");
        Compilation compilation = Layouts.compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Foo").contentsAsUtf8String()
                .contains("implements Outer.FooLayout");
    }
}
