package dev.chatserver.domain.im;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a message search looks for: the words of the query, each a run of letters and digits, compared without
 * case. A message matches when it holds every one of them as a whole word, in any order.
 */
public record SearchWords(List<String> words) {
    public SearchWords {
        Objects.requireNonNull(words, "words");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a search has at least one word");
        }
        words = List.copyOf(words);
    }

    /** The words of {@code text}, each once, in the order they first appear; none when it holds no letter or digit. */
    public static List<String> wordsOf(String text) {
        Set<String> found = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int point = i < text.length() ? text.codePointAt(i) : ' ';
            boolean inWord = i < text.length() && Character.isLetterOrDigit(point);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                found.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(point) : 1;
        }
        return new ArrayList<>(found);
    }

    /** Whether {@code content} holds every word of this search. */
    public boolean foundIn(String content) {
        return wordsOf(content).containsAll(words);
    }

    /** The words separated by single spaces. */
    public String joined() {
        return String.join(" ", words);
    }
}
