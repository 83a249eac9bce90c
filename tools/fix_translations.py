# Translations helper (lupdate 6.4 here drops the HumasUi:: prefix of ui contexts; see README).
import os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import re, sys, html
new = open(ROOT+'/translations/humasdesk_id.ts').read()
import subprocess
old = subprocess.run(['git','-C',ROOT,'show','HEAD:translations/humasdesk_id.ts'],capture_output=True,text=True).stdout
def parse(s):
    d={}; bysrc={}
    for m in re.finditer(r'<context>\s*<name>(.*?)</name>(.*?)</context>', s, re.S):
        ctx=m.group(1)
        for mm in re.finditer(r'<message( numerus="yes")?>(.*?)</message>', m.group(2), re.S):
            body=mm.group(2)
            src=re.search(r'<source>(.*?)</source>', body, re.S).group(1)
            tr=re.search(r'<translation(.*?)>(.*?)</translation>', body, re.S)
            d[(ctx,src)]=body
            if tr and 'unfinished' not in tr.group(1) and 'vanished' not in tr.group(1):
                bysrc.setdefault(src, body)
    return d, bysrc
oldd, oldsrc = parse(old)
bare = set()
def fixctx(m):
    name=m.group(1)
    if name and '::' not in name and name!='HumasDesk':
        bare.add(name); name='HumasUi::'+name
    return '<context>\n    <name>%s</name>' % name
new = re.sub(r'<context>\s*<name>(.*?)</name>', fixctx, new)
# fill messages
out=[]; pos=0; filled=0; left=0
def fillctx(m):
    global filled,left
    ctx=m.group(1); body=m.group(2)
    def fillmsg(mm):
        global filled,left
        b=mm.group(2)
        if 'type="unfinished"' not in b: return mm.group(0)
        src=re.search(r'<source>(.*?)</source>', b, re.S).group(1)
        ob = oldd.get((ctx,src)) or oldsrc.get(src)
        if ob and 'unfinished' not in re.search(r'<translation(.*?)>', ob).group(1):
            t=re.search(r'<translation.*?</translation>', ob, re.S).group(0)
            t=re.sub(r'<translation[^>]*>', '<translation>', t, count=1)
            b=re.sub(r'<translation.*?</translation>', lambda _: t, b, count=1, flags=re.S)
            filled+=1
        else: left+=1
        return '<message%s>%s</message>' % (mm.group(1) or '', b)
    body=re.sub(r'<message( numerus="yes")?>(.*?)</message>', fillmsg, body, flags=re.S)
    return '<context>\n    <name>%s</name>%s</context>' % (ctx, body)
new = re.sub(r'<context>\s*<name>(.*?)</name>(.*?)</context>', fillctx, new, flags=re.S)
open(ROOT+'/translations/humasdesk_id.ts','w').write(new)
print('bare', sorted(bare)); print('filled', filled, 'left', left)
