package dev.chatserver.bootstrap.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Debian's Chromium driven through chromedriver, one fresh profile per browser. Elements are found the way the
 * web client's contract names them: by role and accessible name, as the browser computes them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String name;

    private Browser(ChromeDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    /** Fails, never skips, when Chromium is missing: CI installs it (.ci/run). */
    static void requireChromium() {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the web client's browser tests need Debian's "
                        + "Chromium (apt-get install -y chromium chromium-driver)");
            }
        }
    }

    static Browser open(String name, Path profiles) throws IOException {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,860",
                "--user-data-dir=" + Files.createTempDirectory(profiles, name).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), name);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    void go(String url) {
        driver.get(url);
    }

    /** A form field (textbox, searchbox) by its accessible name. */
    WebElement field(String accessibleName) {
        return named(By.cssSelector("input, textarea"), accessibleName);
    }

    /** A drop-down by its accessible name. */
    WebElement select(String accessibleName) {
        return named(By.cssSelector("select"), accessibleName);
    }

    WebElement button(String accessibleName) {
        return named(By.cssSelector("button"), accessibleName);
    }

    /** Whether a button with this accessible name is shown now. */
    boolean showsButton(String accessibleName) {
        try {
            return button(accessibleName).isDisplayed();
        } catch (NoSuchElementException absent) {
            return false;
        }
    }

    /** The items of the list with this accessible name, as the user sees them: only shown lists count. */
    List<WebElement> items(String listName) {
        WebElement list = named(By.cssSelector("ul, ol"), listName);
        if (!"list".equals(list.getAriaRole())) {
            throw new AssertionError(listName + " has the role " + list.getAriaRole());
        }
        return list.findElements(By.cssSelector(":scope > li"));
    }

    /** The item named {@code itemName} of the list {@code listName}, if shown. */
    Optional<WebElement> item(String listName, String itemName) {
        return items(listName).stream().filter(item -> itemName.equals(item.getAccessibleName())).findFirst();
    }

    /** The shown element whose role is {@code log}. */
    WebElement log() {
        List<WebElement> logs = driver.findElements(By.cssSelector("[role=log]")).stream()
                .filter(WebElement::isDisplayed).filter(e -> "log".equals(e.getAriaRole())).toList();
        if (logs.size() != 1) {
            throw new NoSuchElementException("expected one shown log, found " + logs.size());
        }
        return logs.get(0);
    }

    /** The texts of the messages in the shown conversation, oldest first. */
    List<String> messages() {
        return log().findElements(By.cssSelector(".message .text")).stream().map(WebElement::getText).toList();
    }

    /** The ids of the messages in the shown conversation, oldest first. */
    List<Long> messageIds() {
        return log().findElements(By.cssSelector(".message")).stream()
                .map(m -> Long.parseLong(m.getAttribute("data-id"))).toList();
    }

    /** The shown conversation's message whose text is {@code text}. */
    WebElement message(String text) {
        return log().findElements(By.cssSelector(".message")).stream()
                .filter(m -> m.findElements(By.cssSelector(".text")).stream().anyMatch(t -> text.equals(t.getText())))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(name + ": no message \"" + text + "\" shown"));
    }

    /** The shown conversation's message with this id. */
    WebElement message(long id) {
        return log().findElement(By.cssSelector(".message[data-id=\"" + id + "\"]"));
    }

    /** A button shown inside {@code scope} by its accessible name. */
    Optional<WebElement> buttonIn(WebElement scope, String accessibleName) {
        return scope.findElements(By.cssSelector("button")).stream().filter(WebElement::isDisplayed)
                .filter(e -> accessibleName.equals(e.getAccessibleName())).findFirst();
    }

    String status() {
        return driver.findElement(By.id("connection")).getText();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void type(String fieldName, String text) {
        WebElement field = field(fieldName);
        field.clear();
        field.sendKeys(text);
    }

    void typeAndEnter(String fieldName, String text) {
        WebElement field = field(fieldName);
        field.sendKeys(text);
        field.sendKeys(Keys.ENTER);
    }

    void signIn(String login, String password) {
        waitUntil("the sign-in form", () -> field("Login").isDisplayed());
        type("Login", login);
        type("Password", password);
        button("Sign in").click();
        waitUntil(login + " signed in", () -> button("Sign out").isDisplayed() && "Live".equals(status()));
    }

    void signOut() {
        button("Sign out").click();
        waitUntil("signed out", () -> field("Login").isDisplayed());
    }

    /** The page's title. */
    String title() {
        return driver.getTitle();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    void waitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, PATIENCE).withMessage(() -> name + ": waited for " + what)
                .ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    Path screenshot(String shot) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File taken = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(shot + ".png");
            Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement named(By candidates, String accessibleName) {
        return driver.findElements(candidates).stream()
                .filter(WebElement::isDisplayed)
                .filter(e -> accessibleName.equals(e.getAccessibleName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(name + ": nothing shown is named \"" + accessibleName + "\""));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
