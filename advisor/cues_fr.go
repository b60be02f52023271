package advisor

var french = langDef{}
