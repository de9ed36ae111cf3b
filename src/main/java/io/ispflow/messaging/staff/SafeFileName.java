package io.ispflow.messaging.staff;

/**
 * A file name as given by the uploader, made safe to store and to send back in a
 * {@code Content-Disposition}: no directories, no control or format characters, at most 255 characters.
 */
final class SafeFileName {

    static final int MAX = 255;

    private SafeFileName() {
    }

    static String of(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "attachment";
        }
        return name.codePointCount(0, name.length()) <= MAX ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX));
    }
}
