# How this language is named and written; read by the build, so plain values only.
language-name = English
language-tag = en
number-decimal-separator = .
number-group-separator = ,
