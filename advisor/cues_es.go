package advisor

var spanish = langDef{}
