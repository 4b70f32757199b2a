package io.zerowire.processor;

import io.zerowire.annotations.Checksum;
import javax.lang.model.element.AnnotationMirror;

/**
 * The rules of a checksum whose coverage a field gives ({@code @Checksum(coverage = "...")}, UDP-Lite,
 * RFC 3828): the name is one of the layout's fields, a plain unsigned {@code int} of whole bytes; the
 * checksum covers header and body (so that a count of bytes means something), is fixed (every header
 * carries it), and is mandatory (zero is never "none").
 */
final class ChecksumCoverageRules {
    private final Reporter reporter;

    ChecksumCoverageRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The coverage field's name of a {@code @Checksum}, or null when it has none. */
    static String coverage(FieldDeclaration checksum) {
        AnnotationMirror mirror = checksum.checksumMirror();
        String name = mirror == null ? null : LayoutReader.Mirrors.stringValue(mirror, "coverage");
        return name == null || name.isEmpty() ? null : name;
    }

    void check(LayoutDeclaration layout) {
        for (FieldDeclaration checksum : layout.fields()) {
            String name = coverage(checksum);
            if (name != null) {
                check(layout, checksum, name);
            }
        }
    }

    private void check(LayoutDeclaration layout, FieldDeclaration checksum, String name) {
        AnnotationMirror mirror = checksum.checksumMirror();
        FieldDeclaration.ChecksumSpec spec = checksum.checksum();
        if (spec.covers() == Checksum.Coverage.HEADER) {
            reporter.error(checksum.method(), mirror, Message.COVERAGE_NOT_OVER_BODY, checksum.name(), spec.covers());
        }
        if (spec.zeroMeansNoneOverIpv4()) {
            reporter.error(checksum.method(), mirror, Message.COVERAGE_ZERO_MEANS_NONE, checksum.name());
        }
        if (checksum.presentIf() != null) {
            reporter.error(checksum.method(), mirror, Message.COVERAGE_OPTIONAL, checksum.name());
        }
        FieldDeclaration field = layout.field(name);
        if (field == null) {
            reporter.error(checksum.method(), mirror, Message.COVERAGE_UNKNOWN_FIELD, checksum.name(), name);
        } else if (field.kind() != FieldKind.INT || field.role() != FieldRole.PLAIN || field.signed()
                || field.presentIf() != null || field.bits() == null || field.bits() % 8 != 0) {
            reporter.error(field.method(), Message.COVERAGE_FIELD_SHAPE, field.name(), checksum.name(), field.name());
        }
    }
}
