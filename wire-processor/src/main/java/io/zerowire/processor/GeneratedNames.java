package io.zerowire.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names of the members the writers generate, in one place, so that the validator can reject a
 * field whose name would clash with one of them before any code is written.
 */
final class GeneratedNames {
    /** Members every view and builder has, whatever its fields (plus Object's methods). */
    static final Set<String> FIXED = Set.of(
            "parse", "parseUnverified", "wrap", "wrapUnverified", "array", "offset", "headerLength",
            "bodyOffset", "bodyLength", "parseMetadata", "undoParse", "checksumValid", "constraints",
            "serialize", "addresses", "updateChecksum", "pseudoSource", "pseudoDestination", "pseudoHeaderSource",
            "pseudoHeaderDestination", "checksumAccumulator",
            "cachedConstraints", "cachedHeaderLength", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll",
            "wait", "clone", "finalize");

    private GeneratedNames() {}

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The number of elements of a repeated group: {@code sourcesCount}. */
    static String counter(String field) {
        return field + "Count";
    }

    static String setter(String field) {
        return "set" + capitalized(field);
    }

    static String valueGetter(String field) {
        return field + "Value";
    }

    static String offsetGetter(String field) {
        return field + "Offset";
    }

    static String bitsGetter(String field) {
        return field + "Bits";
    }

    /** The builder's flag that records an explicit value for a derived field. */
    static String overrideFlag(String field) {
        return field + "Overridden";
    }

    /** {@code hasKey}: whether an optional field is present (the view's method, the builder's flag). */
    static String presence(String field) {
        return "has" + capitalized(field);
    }

    /** {@code clearKey}: the builder's method that leaves an optional field out. */
    static String clearer(String field) {
        return "clear" + capitalized(field);
    }

    /** The builder method that makes an optional checksum present and computed: {@code withChecksum}. */
    static String computer(String field) {
        return "with" + capitalized(field);
    }

    /** {@code keyAt}: the view's private offset of an optional field. */
    static String optionalOffset(String field) {
        return field + "At";
    }

    static String copier(String field) {
        return "copy" + capitalized(field);
    }

    /** {@code FRAGMENT_OFFSET_OFFSET} for {@code fragmentOffset}: the byte offset constant. */
    static String offsetConstant(String field) {
        StringBuilder constant = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c) && constant.length() > 0) {
                constant.append('_');
            }
            constant.append(Character.toUpperCase(c));
        }
        return constant.append("_OFFSET").toString().toUpperCase(Locale.ROOT);
    }

    /** Every extra member name generated for a field, besides its getter (which is the field's own name). */
    static List<String> extras(FieldDeclaration field) {
        List<String> names = new ArrayList<>();
        String name = field.name();
        names.add(setter(name));
        switch (field.kind()) {
            case ENUM:
                names.add(valueGetter(name));
                break;
            case MAC:
            case IPV4:
                names.add(bitsGetter(name));
                names.add(offsetGetter(name));
                break;
            case ADDRESS:
                names.add(bitsGetter(name)); // the IPv4 specialization has one
                names.add(offsetGetter(name));
                break;
            case IPV6:
                names.add(offsetGetter(name));
                break;
            case BYTES:
                names.add(offsetGetter(name));
                names.add(copier(name));
                break;
            case REPEATED:
                names.add(counter(name));
                names.add(bitsGetter(name));
                names.add(offsetGetter(name));
                names.add(RepeatedGroupRules.countName(field).isEmpty() ? counter(name)
                        : overrideFlag(RepeatedGroupRules.countName(field)));
                break;
            default:
                break;
        }
        if (field.role().derived()) {
            names.add(overrideFlag(name));
        }
        if (field.presentIf() != null) {
            names.add(presence(name));
            names.add(clearer(name));
            names.add(optionalOffset(name));
            names.add(overrideFlag(field.presentIf()));
            if (field.checksumMirror() != null) {
                names.add(computer(name));
            }
        }
        return names;
    }
}
