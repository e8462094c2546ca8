package dev.camelneptune.examples;

import dev.camelneptune.examples.NeptuneDemo.Dsl;

/** The demo's routes as XML DSL (routes/neptune-demo.xml), loaded by Camel Main. */
class XmlDslRoutesTest extends DemoRoutesTestSupport {

    @Override
    Dsl dsl() {
        return Dsl.XML;
    }
}
