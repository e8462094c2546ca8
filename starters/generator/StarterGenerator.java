import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Writes a component's Spring Boot starter classes from its generated catalog JSON, the way Camel's own starters are
 * generated: {@code XComponentConfiguration} (a {@code @ConfigurationProperties("camel.component.<scheme>")} bean with
 * one documented field per component option), {@code XComponentConverter} (turns {@code #bean:name} into the bean for
 * object options) and {@code XComponentAutoConfiguration} (a {@code ComponentCustomizer} copying the bound options
 * onto the component).
 * <p>
 * Run by each starter's build (exec-maven-plugin, Java source-file mode), with the component on the class path:
 * {@code java -cp <classpath> StarterGenerator.java <scheme> <output directory>}. The option list therefore always
 * matches the catalog, and nobody edits the output.
 */
public class StarterGenerator {

    private static final Set<String> NUMBERS = Set.of("int", "long", "double", "float", "short", "byte");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StarterGenerator <scheme> <output directory>");
        }
        String scheme = args[0];
        Path out = Path.of(args[1]);
        String componentClass = componentClass(scheme);
        String componentPackage = componentClass.substring(0, componentClass.lastIndexOf('.'));
        JsonObject catalog = catalog(componentPackage, scheme);
        JsonObject component = (JsonObject) catalog.get("component");
        JsonObject options = (JsonObject) catalog.get("componentProperties");

        String pkg = componentPackage + ".springboot";
        String simpleName = componentClass.substring(componentClass.lastIndexOf('.') + 1);
        Path dir = out.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        List<Option> all = new ArrayList<>();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            all.add(new Option(e.getKey(), (JsonObject) e.getValue()));
        }
        write(dir.resolve(simpleName + "Configuration.java"),
                configuration(pkg, simpleName, scheme, component.getString("description"), all));
        write(dir.resolve(simpleName + "Converter.java"), converter(pkg, simpleName, all));
        write(dir.resolve(simpleName + "AutoConfiguration.java"), autoConfiguration(pkg, simpleName, componentClass, scheme));
    }

    /** One component option as the catalog describes it. */
    record Option(String name, JsonObject json) {
        String javaType() {
            String type = json.getString("javaType");
            return switch (type) {
                case "boolean" -> "Boolean";
                case "int" -> "Integer";
                case "long" -> "Long";
                case "double" -> "Double";
                case "float" -> "Float";
                default -> type.replace("$", ".");
            };
        }

        boolean isObject() {
            return "object".equals(json.getString("type"));
        }

        String defaultLiteral() {
            Object value = json.get("defaultValue");
            if (value == null) {
                return null;
            }
            String type = json.getString("javaType");
            if ("boolean".equals(type) || "java.lang.Boolean".equals(type)) {
                return value.toString();
            }
            if (NUMBERS.contains(type)) {
                return value + ("long".equals(type) ? "L" : "");
            }
            if ("java.lang.String".equals(type)) {
                return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            if (json.get("enum") != null && !isObject()) {
                return javaType() + "." + value;
            }
            return null;
        }

        String capitalized() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    private static String configuration(String pkg, String simpleName, String scheme, String description,
            List<Option> options) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        for (Option option : options) {
            String doc = option.json.getString("description");
            if (option.isObject()) {
                doc += " The option is a " + option.json.getString("javaType") + " type; set it to #bean:name of a bean.";
            }
            if (Boolean.TRUE.equals(option.json.getBoolean("deprecated"))) {
                fields.append("    @Deprecated\n");
            }
            fields.append(javadoc(doc, "    "));
            String literal = option.defaultLiteral();
            fields.append("    private ").append(option.javaType()).append(' ').append(option.name())
                    .append(literal == null ? "" : " = " + literal).append(";\n");
            accessors.append("\n    public ").append(option.javaType()).append(" get").append(option.capitalized())
                    .append("() {\n        return ").append(option.name()).append(";\n    }\n\n    public void set")
                    .append(option.capitalized()).append('(').append(option.javaType()).append(' ').append(option.name())
                    .append(") {\n        this.").append(option.name()).append(" = ").append(option.name()).append(";\n    }\n");
        }
        return "package " + pkg + ";\n\n"
                + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
                + "import org.springframework.boot.context.properties.ConfigurationProperties;\n\n"
                + javadoc(description + "\n\nGenerated by StarterGenerator from the component's catalog JSON: do not edit.", "")
                + "@ConfigurationProperties(prefix = \"camel.component." + scheme + "\")\n"
                + "public class " + simpleName + "Configuration extends ComponentConfigurationPropertiesCommon {\n\n"
                + javadoc("Whether to enable auto configuration of the " + scheme + " component. This is enabled by default.", "    ")
                + "    private Boolean enabled;\n" + fields + accessors + "}\n";
    }

    private static String converter(String pkg, String simpleName, List<Option> options) {
        StringBuilder pairs = new StringBuilder();
        for (Option option : options) {
            if (option.isObject()) {
                String raw = option.javaType().replaceAll("<.*>", "");
                pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(raw).append(".class));\n");
            }
        }
        return "package " + pkg + ";\n\n"
                + "import java.util.LinkedHashSet;\nimport java.util.Set;\n\n"
                + "import org.springframework.beans.factory.annotation.Autowired;\n"
                + "import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n"
                + "import org.springframework.context.ApplicationContext;\n"
                + "import org.springframework.core.convert.TypeDescriptor;\n"
                + "import org.springframework.core.convert.converter.GenericConverter;\n\n"
                + javadoc("Turns {@code #bean:name} in application properties into the bean of that name, for the object"
                        + " options of " + simpleName + "Configuration.\n\nGenerated by StarterGenerator: do not edit.", "")
                + "@ConfigurationPropertiesBinding\n"
                + "public class " + simpleName + "Converter implements GenericConverter {\n\n"
                + "    @Autowired\n    private ApplicationContext applicationContext;\n\n"
                + "    @Override\n    public Set<ConvertiblePair> getConvertibleTypes() {\n"
                + "        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n" + pairs
                + "        return answer;\n    }\n\n"
                + "    @Override\n    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n"
                + "        if (source == null) {\n            return null;\n        }\n"
                + "        String ref = source.toString();\n"
                + "        if (!ref.startsWith(\"#\")) {\n            return null;\n        }\n"
                + "        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n"
                + "        return applicationContext.getBean(ref, targetType.getType());\n    }\n}\n";
    }

    private static String autoConfiguration(String pkg, String simpleName, String componentClass, String scheme) {
        return "package " + pkg + ";\n\n"
                + "import org.apache.camel.CamelContext;\n"
                + "import org.apache.camel.Component;\n"
                + "import org.apache.camel.spi.ComponentCustomizer;\n"
                + "import org.apache.camel.spring.boot.CamelAutoConfiguration;\n"
                + "import org.apache.camel.spring.boot.ComponentConfigurationProperties;\n"
                + "import org.apache.camel.spring.boot.util.CamelPropertiesHelper;\n"
                + "import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;\n"
                + "import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;\n"
                + "import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;\n"
                + "import org.springframework.boot.autoconfigure.AutoConfiguration;\n"
                + "import org.springframework.boot.context.properties.EnableConfigurationProperties;\n"
                + "import org.springframework.context.ApplicationContext;\n"
                + "import org.springframework.context.annotation.Bean;\n"
                + "import org.springframework.context.annotation.Conditional;\n"
                + "import org.springframework.context.annotation.Import;\n"
                + "import org.springframework.context.annotation.Lazy;\n\n"
                + javadoc("Applies {@code camel.component." + scheme + ".*} from the Spring environment to the " + scheme
                        + " component, through a ComponentCustomizer.\n\nGenerated by StarterGenerator: do not edit.", "")
                + "@AutoConfiguration(after = CamelAutoConfiguration.class)\n"
                + "@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)\n"
                + "@EnableConfigurationProperties({ ComponentConfigurationProperties.class, " + simpleName + "Configuration.class })\n"
                + "@ConditionalOnHierarchicalProperties({ \"camel.component\", \"camel.component." + scheme + "\" })\n"
                + "@Import(" + simpleName + "Converter.class)\n"
                + "public class " + simpleName + "AutoConfiguration {\n\n"
                + "    private final ApplicationContext applicationContext;\n"
                + "    private final CamelContext camelContext;\n"
                + "    private final " + simpleName + "Configuration configuration;\n\n"
                + "    public " + simpleName + "AutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,\n"
                + "            " + simpleName + "Configuration configuration) {\n"
                + "        this.applicationContext = applicationContext;\n"
                + "        this.camelContext = camelContext;\n"
                + "        this.configuration = configuration;\n    }\n\n"
                + "    @Lazy\n    @Bean\n"
                + "    public ComponentCustomizer configure" + simpleName + "() {\n"
                + "        return new ComponentCustomizer() {\n"
                + "            @Override\n            public void configure(String name, Component target) {\n"
                + "                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);\n            }\n\n"
                + "            @Override\n            public boolean isEnabled(String name, Component target) {\n"
                + "                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, \"camel.component.customizer\",\n"
                + "                        \"camel.component." + scheme + ".customizer\")\n"
                + "                        && target instanceof " + componentClass + ";\n            }\n        };\n    }\n}\n";
    }

    private static String componentClass(String scheme) throws IOException {
        String resource = "META-INF/services/org/apache/camel/component/" + scheme;
        try (InputStream in = resourceOrFail(resource)) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("class");
        }
    }

    private static JsonObject catalog(String componentPackage, String scheme) throws Exception {
        String resource = "META-INF/" + componentPackage.replace('.', '/') + "/" + scheme + ".json";
        try (InputStream in = resourceOrFail(resource)) {
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static InputStream resourceOrFail(String resource) {
        InputStream in = StarterGenerator.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path: is the component a dependency?");
        }
        return in;
    }

    private static String javadoc(String text, String indent) {
        StringBuilder sb = new StringBuilder(indent).append("/**\n");
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.replace("*/", "*&#47;").split(" ")) {
                if (line.length() + word.length() > 110 - indent.length() && line.length() > 0) {
                    sb.append(indent).append(" * ").append(line.toString().stripTrailing()).append('\n');
                    line.setLength(0);
                }
                line.append(word).append(' ');
            }
            sb.append(indent).append(" *").append(line.length() == 0 ? "" : " " + line.toString().stripTrailing()).append('\n');
        }
        return sb.append(indent).append(" */\n").toString();
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
