package dev.chatserver.bootstrap;

import java.util.Locale;

/**
 * One command-line flag: what the parser accepts and what {@code --help} prints are both read from here.
 *
 * @param value    how usage names its value ({@code null} for a switch, which takes none)
 * @param fallback what applies when it is not given, as usage prints it
 */
record Flag(String name, String value, String fallback, String meaning) {

    static Flag of(String name, String value, String fallback, String meaning) {
        return new Flag(name, value, fallback, meaning);
    }

    static Flag onOff(String name, String meaning) {
        return new Flag(name, null, "off", meaning);
    }

    boolean isSwitch() {
        return value == null;
    }

    /** The environment variable read when the flag is not given: {@code --db-url} is CHAT_DB_URL. */
    String variable() {
        return variable(name);
    }

    static String variable(String name) {
        return "CHAT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    String written() {
        return "--" + name + (isSwitch() ? "" : " <" + value + ">");
    }
}
