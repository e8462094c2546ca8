package dev.camelneptune.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code snippets of a documentation page, each rendered from the source file a test runs, so a copied snippet is the
 * tested code. A snippet is a region of the page between two marker lines naming the file (relative to the repository
 * root) and, optionally, a tagged part of it:
 *
 * <pre>
 * &lt;!-- snippet examples/getting-started/java-dsl/pom.xml#dependencies: START --&gt;   (Markdown)
 * &lt;!-- snippet examples/getting-started/java-dsl/pom.xml#dependencies: END --&gt;
 * // snippet examples/getting-started/java-dsl/pom.xml#dependencies: START             (Asciidoc)
 * // snippet examples/getting-started/java-dsl/pom.xml#dependencies: END
 * </pre>
 *
 * A tag is the part of the file between a line holding {@code tag::name[]} and one holding {@code end::name[]} (in the
 * file's own comment syntax, as Asciidoctor's include tags are); other tag lines inside it are left out and the part is
 * unindented. The region becomes a code block in the page's syntax, its language taken from the file's extension.
 */
public final class Snippets {

    private static final Pattern MARKDOWN_START = Pattern.compile("(?m)^<!-- snippet (\\S+): START -->$");
    private static final Pattern ASCIIDOC_START = Pattern.compile("(?m)^// snippet (\\S+): START$");
    private static final Pattern TAG_LINE = Pattern.compile(".*\\b(tag|end)::[\\w-]+\\[].*");
    private static final Map<String, String> LANGUAGES = Map.of("java", "java", "xml", "xml", "yaml", "yaml", "yml",
            "yaml", "properties", "properties", "json", "json", "sh", "sh", "sql", "sql");

    private Snippets() {
    }

    /** The page with every snippet region rendered again from its file under {@code root}. */
    public static String render(Path root, Path page) {
        String text = read(page);
        boolean markdown = page.getFileName().toString().endsWith(".md");
        Matcher start = (markdown ? MARKDOWN_START : ASCIIDOC_START).matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (start.find(at)) {
            String reference = start.group(1);
            String endLine = markdown ? "<!-- snippet " + reference + ": END -->" : "// snippet " + reference + ": END";
            int end = text.indexOf("\n" + endLine, start.end());
            if (end < 0) {
                throw new IllegalArgumentException(page + ": the snippet " + reference + " has no line '" + endLine + "'");
            }
            String code = extract(root, reference);
            String language = LANGUAGES.getOrDefault(extension(reference), "");
            out.append(text, at, start.end()).append('\n');
            if (markdown) {
                out.append("```").append(language).append('\n').append(code).append("```");
            } else {
                out.append("[source,").append(language).append("]\n----\n").append(code).append("----");
            }
            out.append('\n');
            at = end + 1;
        }
        return out.append(text.substring(at)).toString();
    }

    /** Renders the page's snippets into the file; returns whether it changed. */
    public static boolean update(Path root, Path page) {
        String rendered = render(root, page);
        if (rendered.equals(read(page))) {
            return false;
        }
        try {
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** The references ({@code path[#tag]}) of the page's snippets, in order. */
    public static List<String> references(Path page) {
        boolean markdown = page.getFileName().toString().endsWith(".md");
        Matcher start = (markdown ? MARKDOWN_START : ASCIIDOC_START).matcher(read(page));
        List<String> references = new ArrayList<>();
        while (start.find()) {
            references.add(start.group(1));
        }
        return references;
    }

    /** The text of {@code path[#tag]} under {@code root}, ending with a line break. */
    static String extract(Path root, String reference) {
        int hash = reference.indexOf('#');
        Path file = root.resolve(hash < 0 ? reference : reference.substring(0, hash));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("snippet " + reference + ": no file " + file);
        }
        List<String> lines = List.of(read(file).split("\n", -1));
        if (hash >= 0) {
            String tag = reference.substring(hash + 1);
            int from = indexOf(lines, "tag::" + tag + "[]", 0, reference);
            int to = indexOf(lines, "end::" + tag + "[]", from, reference);
            lines = lines.subList(from + 1, to);
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (!TAG_LINE.matcher(line).matches()) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
                .orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : kept) {
            code.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return code.toString();
    }

    private static int indexOf(List<String> lines, String marker, int from, String reference) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new IllegalArgumentException("snippet " + reference + ": no line with " + marker);
    }

    private static String extension(String reference) {
        String path = reference.contains("#") ? reference.substring(0, reference.indexOf('#')) : reference;
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
