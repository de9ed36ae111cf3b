package io.ispflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ispflow.shared.OwnsTables;

/**
 * Each table has one owning module ({@link OwnsTables} on its {@code package-info.java}), and only the
 * owner's main code names it in SQL, JPQL or an entity mapping. Modularity checks see Java types, not
 * the tables inside SQL strings; this test reads those. Migrations are exempt.
 */
class TableOwnershipTests {

    private static final Path MAIN = Path.of("src/main/java/io/ispflow");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATED = Pattern.compile(
            "\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROPPED = Pattern.compile(
            "\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAMED = Pattern.compile(
            "\\balter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);


    @Test
    void everyTableOfTheMigrationsHasExactlyOneOwner() throws Exception {
        Map<String, List<String>> ownersByTable = new TreeMap<>();
        owners().forEach((module, tables) -> tables.forEach(
                table -> ownersByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(module)));
        Set<String> tables = migrationTables();

        assertThat(tables).allSatisfy(table -> assertThat(ownersByTable.get(table))
                .as("owners of table %s", table).hasSize(1));
        assertThat(ownersByTable.keySet()).as("owned tables that no migration creates").isSubsetOf(tables);
    }

    @Test
    void modulesNameOnlyTheTablesTheyOwn() throws Exception {
        Map<String, String> ownerOf = new TreeMap<>();
        owners().forEach((module, tables) -> tables.forEach(table -> ownerOf.put(table, module)));
        List<String> violations = new ArrayList<>();
        for (String module : owners().keySet()) {
            for (Path file : javaFiles(MAIN.resolve(module))) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                for (String table : TableMentions.in(Files.readString(file), ownerOf.keySet())) {
                    if (!ownerOf.get(table).equals(module)) {
                        violations.add(name + " names " + table + ", owned by " + ownerOf.get(table));
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table; ask the owner's API instead").isEmpty();
    }

    @Test
    void findsTablesInSqlTextBlocksAndMappings() {
        Set<String> tables = Set.of("invoices", "clients", "payments", "wallet_transactions", "support_tickets");
        String source = """
                @Entity
                @Table(name = "clients")
                class Example {
                    // select * from payments  (a comment names nothing)
                    String message = "Payments from clients are welcome";
                    boolean any(UUID id) {
                        return jdbc.queryForObject(\"""
                                select exists (select 1 from invoices where client_id = ?)
                                    or exists (SELECT 1 FROM public.wallet_transactions w WHERE w.client_id = ?)\""",
                                Boolean.class, id, id);
                    }
                    long count = jdbc.queryForObject("select count(*) from support_tickets t, payments p", Long.class);
                }
                """;

        assertThat(TableMentions.in(source, tables))
                .containsExactly("clients", "invoices", "payments", "support_tickets", "wallet_transactions");
        assertThat(TableMentions.in("String s = \"Payments from clients\"; // update invoices set paid", tables))
                .isEmpty();
        assertThat(TableMentions.in("String s = \"Paid invoices of clients\";", tables)).isEmpty();
    }

    /** Module → tables it declares, for every module with a {@code package-info.java}. */
    private static Map<String, Set<String>> owners() throws IOException, ClassNotFoundException {
        Map<String, Set<String>> owners = new TreeMap<>();
        try (Stream<Path> modules = Files.list(MAIN)) {
            for (Path module : modules.filter(dir -> Files.exists(dir.resolve("package-info.java"))).toList()) {
                String name = module.getFileName().toString();
                OwnsTables owns = Class.forName("io.ispflow." + name + ".package-info").getPackage()
                        .getAnnotation(OwnsTables.class);
                owners.put(name, owns == null ? Set.of() : new LinkedHashSet<>(List.of(owns.value())));
            }
        }
        return owners;
    }

    /** Tables the migrations leave behind: created, not dropped, under their last name. */
    private static Set<String> migrationTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        List<Path> scripts = new ArrayList<>(sqlFiles());
        scripts.sort((a, b) -> Integer.compare(version(a), version(b)));
        for (Path script : scripts) {
            String sql = TableMentions.withoutSqlComments(Files.readString(script));
            Matcher created = CREATED.matcher(sql);
            while (created.find()) {
                tables.add(created.group(1).toLowerCase());
            }
            Matcher renamed = RENAMED.matcher(sql);
            while (renamed.find()) {
                tables.remove(renamed.group(1).toLowerCase());
                tables.add(renamed.group(2).toLowerCase());
            }
            Matcher dropped = DROPPED.matcher(sql);
            while (dropped.find()) {
                tables.remove(dropped.group(1).toLowerCase());
            }
        }
        assertThat(tables).as("tables of the migrations").isNotEmpty();
        return tables;
    }

    private static int version(Path script) {
        return Integer.parseInt(script.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
    }

    private static List<Path> sqlFiles() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.toString().endsWith(".sql")).toList();
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
