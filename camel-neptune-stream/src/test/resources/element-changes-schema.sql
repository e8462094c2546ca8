CREATE TABLE element (
    id      text    NOT NULL,
    type    text    NOT NULL,
    gone    boolean NOT NULL,
    version bigint  NOT NULL,
    PRIMARY KEY (id, type)
);
CREATE TABLE element_property (
    id        text    NOT NULL,
    type      text    NOT NULL,
    key       text    NOT NULL,
    value     text    NOT NULL,
    data_type text    NOT NULL,
    present   boolean NOT NULL,
    version   bigint  NOT NULL,
    PRIMARY KEY (id, type, key, value, data_type)
);
