package io.ispflow;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a Java source file names: in SQL within its string literals and text blocks (after a
 * {@code from}, {@code join}, {@code update}, {@code into}, {@code table}, …) and in entity mappings
 * ({@code @Table(name = "...")}). Comments are not read. Only names from the given set count, so SQL
 * functions, Camunda's tables and aliases are left alone.
 */
final class TableMentions {

    /** A literal is read as SQL when it holds a statement or starts as a clause; prose is left alone. */
    private static final Pattern SQL = Pattern.compile(
            "\\b(?:select|insert\\s+into|delete\\s+from|update\\s+\\S+\\s+set|truncate|lock\\s+table|(?:create|alter|drop)\\s+table)\\b"
                    + "|^\\s*(?:from|join|left|inner|union)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_CONTEXT = Pattern.compile(
            "\\b(?:from|join|update|into|table|truncate|references|using)\\s+(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?"
                    + "(?:public\\.)?\"?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    /** {@code from a, b} and {@code from a x, b y}: the further tables of a from list. */
    private static final Pattern FROM_LIST = Pattern.compile(
            "\\bfrom\\s+[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?((?:\\s*,\\s*[a-z_][a-z0-9_]*"
                    + "(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile(",\\s*([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAPPING = Pattern.compile(
            "@(?:jakarta\\.persistence\\.)?(?:Table|SecondaryTable|CollectionTable|JoinTable)\\s*\\([^)]*?\\bname\\s*=\\s*\"([^\"]+)\""
                    + "|\\bwithTableName\\s*\\(\\s*\"([^\"]+)\"");

    private TableMentions() {
    }

    /** The names of {@code tables} that {@code source} names as tables. */
    static Set<String> in(String source, Set<String> tables) {
        String code = withoutComments(source);
        Set<String> found = new TreeSet<>();
        for (String literal : literals(code)) {
            if (!SQL.matcher(literal).find()) {
                continue;
            }
            collect(SQL_CONTEXT.matcher(literal), 1, tables, found);
            Matcher list = FROM_LIST.matcher(literal);
            while (list.find()) {
                collect(LIST_ITEM.matcher(list.group(1)), 1, tables, found);
            }
        }
        Matcher mapping = MAPPING.matcher(code);
        while (mapping.find()) {
            String name = mapping.group(1) != null ? mapping.group(1) : mapping.group(2);
            if (tables.contains(name.toLowerCase())) {
                found.add(name.toLowerCase());
            }
        }
        return found;
    }

    private static void collect(Matcher matcher, int group, Set<String> tables, Set<String> found) {
        while (matcher.find()) {
            String name = matcher.group(group).toLowerCase();
            if (tables.contains(name)) {
                found.add(name);
            }
        }
    }

    /** The contents of the string literals and text blocks, each on its own. */
    static java.util.List<String> literals(String code) {
        var literals = new java.util.ArrayList<String>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'') {
                i = skipCharLiteral(code, i);
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                while (end > 0 && code.charAt(end - 1) == '\\') {
                    end = code.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? code.length() : end;
                literals.add(code.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < code.length() && code.charAt(i) != '"' && code.charAt(i) != '\n') {
                    if (code.charAt(i) == '\\' && i + 1 < code.length()) {
                        literal.append(code.charAt(i + 1) == 'n' ? '\n' : code.charAt(i + 1));
                        i += 2;
                    } else {
                        literal.append(code.charAt(i++));
                    }
                }
                literals.add(literal.toString());
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int skipCharLiteral(String code, int start) {
        int i = start + 1;
        if (i < code.length() && code.charAt(i) == '\\') {
            i++;
        }
        int close = code.indexOf('\'', i + 1);
        return close < 0 ? code.length() : close + 1;
    }

    /** SQL without its {@code --} line comments. */
    static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\n]*", "");
    }

    /** The code without its comments; string literals (which may hold {@code //}) stay whole. */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                code.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, source.length());
                code.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }
}
