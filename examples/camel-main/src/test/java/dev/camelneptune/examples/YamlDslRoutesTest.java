package dev.camelneptune.examples;

import dev.camelneptune.examples.NeptuneDemo.Dsl;

/** The demo's routes as YAML DSL (routes/neptune-demo.yaml), loaded by Camel Main. */
class YamlDslRoutesTest extends DemoRoutesTestSupport {

    @Override
    Dsl dsl() {
        return Dsl.YAML;
    }
}
