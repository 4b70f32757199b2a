package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import io.zerowire.annotations.Checksum;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the source says about one field, read but not yet validated. Annotation attributes are
 * {@code null} when the annotation is absent; each annotation's mirror is kept so diagnostics can
 * point at it.
 */
record FieldDeclaration(
        ExecutableElement method,
        String name,
        FieldKind kind,
        TypeMirror type,
        ClassName enumType,
        String enumProblem,
        Integer bits,
        AnnotationMirror bitsMirror,
        boolean signed,
        AnnotationMirror signedMirror,
        Long constValue,
        AnnotationMirror constMirror,
        boolean reserved,
        AnnotationMirror reservedMirror,
        Integer headerLengthUnit,
        int headerLengthOffset,
        AnnotationMirror headerLengthMirror,
        Boolean includesHeader,
        Integer totalLengthUnit,
        AnnotationMirror totalLengthMirror,
        ChecksumSpec checksum,
        AnnotationMirror checksumMirror,
        TypeMirror optionsFormat,
        AnnotationMirror optionsMirror,
        Integer size,
        AnnotationMirror sizeMirror) {

    /** The attributes of a {@code @Checksum}. */
    record ChecksumSpec(
            Checksum.Coverage covers,
            Checksum.Verify verify,
            int protocol,
            Checksum.IpVersion ipVersion,
            boolean zeroMeansNoneOverIpv4,
            boolean transmitZeroAsAllOnes) {}

    /** The role the field plays, from its annotations; {@link FieldRole#PLAIN} if none. */
    FieldRole role() {
        if (optionsMirror != null) {
            return FieldRole.OPTIONS;
        }
        if (checksumMirror != null) {
            return FieldRole.CHECKSUM;
        }
        if (headerLengthMirror != null) {
            return FieldRole.HEADER_LENGTH;
        }
        if (totalLengthMirror != null) {
            return FieldRole.TOTAL_LENGTH;
        }
        if (constMirror != null) {
            return FieldRole.CONST;
        }
        if (reservedMirror != null) {
            return FieldRole.RESERVED;
        }
        return FieldRole.PLAIN;
    }

    /** The {@code @PresentIf} of an optional field, or {@code null} for a fixed field. */
    AnnotationMirror presentIfMirror() {
        return LayoutReader.Mirrors.find(method, "io.zerowire.annotations.PresentIf");
    }

    /** The {@code @ByteOrderMark} of the field that tells a parse-time byte order, or {@code null}. */
    AnnotationMirror byteOrderMarkMirror() {
        return LayoutReader.Mirrors.find(method, "io.zerowire.annotations.ByteOrderMark");
    }

    /** The {@code @Repeated} of a repeated group, or {@code null}. */
    AnnotationMirror repeatedMirror() {
        return LayoutReader.Mirrors.find(method, "io.zerowire.annotations.Repeated");
    }

    /** The {@code @Variants} of a type field that selects what follows the header, or {@code null}. */
    AnnotationMirror variantsMirror() {
        return LayoutReader.Mirrors.find(method, "io.zerowire.annotations.Variants");
    }

    /** The name of the flag that gates this field, or {@code null} for a fixed field. */
    String presentIf() {
        AnnotationMirror mirror = presentIfMirror();
        return mirror == null ? null : LayoutReader.Mirrors.stringValue(mirror, "value");
    }
}
