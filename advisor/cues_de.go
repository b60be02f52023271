package advisor

var german = langDef{}
