package dev.camelneptune.examples;

import dev.camelneptune.examples.NeptuneDemo.Dsl;

/** The demo's routes as Java DSL (NeptuneDemoRoutes), loaded by Camel Main. */
class JavaDslRoutesTest extends DemoRoutesTestSupport {

    @Override
    Dsl dsl() {
        return Dsl.JAVA;
    }
}
