# How this language is named and written; read by the build, so plain values only.
language-name = 中文
language-tag = zh-Hans
language-decimal-separator = .
language-group-separator = ,
