# Fills unfinished translations from a JSON map {source: translation or [numerus forms]}.
import os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# usage: python3 filltr.py map.json  — {"source text": "terjemahan" or ["bentuk"]}
import json, re, sys, html
p=ROOT+'/translations/humasdesk_id.ts'
s=open(p).read()
m=json.load(open(sys.argv[1]))
n=0
def fix(mm):
    global n
    b=mm.group(2)
    if 'type="unfinished"' not in b: return mm.group(0)
    src=html.unescape(re.search(r'<source>(.*?)</source>', b, re.S).group(1))
    if src not in m: return mm.group(0)
    t=m[src]
    if isinstance(t,list):
        rep='<translation>'+''.join('<numerusform>%s</numerusform>'%html.escape(x,quote=False) for x in t)+'</translation>'
    else:
        rep='<translation>%s</translation>'%html.escape(t,quote=False)
    b=re.sub(r'<translation[^>]*>.*?</translation>', lambda _: rep, b, count=1, flags=re.S)
    n+=1
    return '<message%s>%s</message>'%(mm.group(1) or '', b)
s=re.sub(r'<message( numerus="yes")?>(.*?)</message>', fix, s, flags=re.S)
open(p,'w').write(s)
print('translated', n, 'still unfinished', s.count('type="unfinished"'))
