package io.ispflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium from the operating system (Debian's {@code chromium}), driven by Playwright. Never
 * downloads a browser. Set {@code ISPFLOW_CHROMIUM} to use another binary.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String binary = System.getenv().getOrDefault("ISPFLOW_CHROMIUM", "/usr/bin/chromium");
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(binary))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    public Page newPage() {
        return chromium.newContext(new NewContextOptions().setViewportSize(1400, 1000).setLocale("en-GB")).newPage();
    }

    /** Logs a staff member in to Tasklist (password {@link TestCompanies#PASSWORD}). */
    public static void logInToTasklist(Page page, int port, String user) {
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        page.getByPlaceholder("Username").fill(user);
        page.getByPlaceholder("Password").fill(TestCompanies.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** Opens a task of the user's groups by its name, from the "My team's tasks" filter. */
    public static void openTeamTask(Page page, String name) {
        page.getByText("My team's tasks").first().click();
        page.getByText(name).first().click();
    }

    /** Keeps a picture of the page for whoever investigates a failure. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        try {
            Files.writeString(file.resolveSibling(name + ".html"), page.content());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
